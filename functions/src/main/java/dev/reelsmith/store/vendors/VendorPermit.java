package dev.reelsmith.store.vendors;

import java.util.Objects;

/**
 * Leave to call a vendor, from {@link VendorGuard#enter}: the breaker let the call through and a concurrency slot
 * is held for it until {@link VendorGuard#exit} (or, for a job spanning several Lambdas, the task that sees the
 * job finish) releases {@link #lease()}.
 *
 * @param admission whether the call is a regular one or the half-open breaker's probe
 * @param lease     the concurrency slot held for the call
 */
public record VendorPermit(Admission admission, SlotLease lease) {
    public VendorPermit {
        Objects.requireNonNull(admission, "admission must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
    }
}
