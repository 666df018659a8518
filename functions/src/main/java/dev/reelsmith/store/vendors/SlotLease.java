package dev.reelsmith.store.vendors;

import java.time.Instant;
import java.util.Objects;

/**
 * A concurrency slot held for one vendor call or job: which slot, who holds it and until when. Small and
 * serialisable so a clip job can carry it from the start task through its polls to the task that releases it.
 *
 * @param providerId the vendor, e.g. {@code runway}
 * @param slot       the slot number, 0 to {@code maxConcurrent - 1}
 * @param owner      the holder's deterministic id (the same logical call always uses the same id)
 * @param expiresAt  when the lease lapses unless renewed; after it any caller may take the slot
 */
public record SlotLease(String providerId, int slot, String owner, Instant expiresAt) {
    public SlotLease {
        Names.requireId(providerId, "providerId");
        if (slot < 0) {
            throw new IllegalArgumentException("slot must not be negative, was " + slot);
        }
        Names.requireId(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
}
