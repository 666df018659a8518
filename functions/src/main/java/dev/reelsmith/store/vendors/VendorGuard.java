package dev.reelsmith.store.vendors;

import dev.reelsmith.providers.CircuitOpenException;
import dev.reelsmith.providers.ThrottledException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Guards every paid vendor call with the two pieces of state all Lambdas share: the vendor's
 * {@link CircuitBreaker} (stop calling a vendor that keeps failing, fall back instead) and its
 * {@link ConcurrencyLimiter} (never more than {@link VendorPolicy#maxConcurrent()} calls or jobs in flight).
 *
 * <p>A synchronous call (a keyframe) goes through {@link #call}. An asynchronous job spans tasks: the start task
 * calls {@link #enter} and keeps the {@link VendorPermit} in the execution state, each poll reports
 * {@link #recordOutcome} and {@link #renew}s the lease, and the task that sees the job end calls {@link #exit}.
 * Nothing here waits: a refusal is an exception the state machine retries ({@link ThrottledException}) or routes
 * to a fallback ({@link CircuitOpenException}).
 */
public final class VendorGuard {
    private static final System.Logger LOG = System.getLogger(VendorGuard.class.getName());

    private final CircuitBreaker breaker;
    private final ConcurrencyLimiter limiter;

    public VendorGuard(DynamoDbClient dynamoDb, String table, VendorPolicies policies, Clock clock) {
        this(new CircuitBreaker(dynamoDb, table, policies, clock),
                new ConcurrencyLimiter(dynamoDb, table, policies, clock));
    }

    public VendorGuard(CircuitBreaker breaker, ConcurrencyLimiter limiter) {
        this.breaker = Objects.requireNonNull(breaker, "breaker must not be null");
        this.limiter = Objects.requireNonNull(limiter, "limiter must not be null");
    }

    /**
     * Asks the breaker, then takes a concurrency slot.
     *
     * @param callerId deterministic id of the logical call, so a redelivered event gets the same slot and probe
     * @throws CircuitOpenException when the vendor's breaker refuses calls
     * @throws ThrottledException   when all of the vendor's slots are in use
     */
    public VendorPermit enter(String providerId, String callerId) {
        Admission admission = breaker.admit(providerId, callerId);
        return new VendorPermit(admission, limiter.acquire(providerId, callerId));
    }

    /**
     * Records the outcome of a vendor call or poll ({@code null} for success, else the exception it threw) and
     * returns the breaker after it.
     */
    public BreakerState recordOutcome(String providerId, Throwable failure) {
        return breaker.record(providerId, CallOutcome.of(failure));
    }

    /** Extends a job's slot lease; empty when the lease lapsed and the slot went to another caller. */
    public Optional<SlotLease> renew(SlotLease lease) {
        return limiter.renew(lease);
    }

    /**
     * Records the call's or job's final outcome ({@code null} for success) and frees the slot. Call it once per
     * permit: each call records the outcome again (use {@link #release} to free a slot without an outcome).
     */
    public void exit(VendorPermit permit, Throwable failure) {
        Objects.requireNonNull(permit, "permit must not be null");
        try {
            recordOutcome(permit.lease().providerId(), failure);
        } finally {
            limiter.release(permit.lease());
        }
    }

    /** Frees the slot without recording an outcome. Safe to repeat; false when the slot was no longer ours. */
    public boolean release(SlotLease lease) {
        return limiter.release(lease);
    }

    /**
     * Runs one synchronous vendor call under the breaker and the limiter: {@link #enter}, the call, then the
     * outcome recorded and the slot freed. The call's own exception is rethrown unchanged. After a successful
     * (paid) call, a failure to update the breaker or free the slot is logged rather than thrown, so the result
     * is never lost; the lease lapses by itself.
     *
     * @throws CircuitOpenException when the vendor's breaker refuses calls (the call is not made)
     * @throws ThrottledException   when all of the vendor's slots are in use (the call is not made)
     */
    public <T> T call(String providerId, String callerId, Supplier<T> call) {
        Objects.requireNonNull(call, "call must not be null");
        VendorPermit permit = enter(providerId, callerId);
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error failure) {
            try {
                exit(permit, failure);
            } catch (RuntimeException bookkeeping) {
                failure.addSuppressed(bookkeeping);
            }
            throw failure;
        }
        try {
            exit(permit, null);
        } catch (RuntimeException bookkeeping) {
            LOG.log(System.Logger.Level.WARNING, providerId + ": the call succeeded but its breaker/slot "
                    + "bookkeeping failed; the slot lease will lapse by itself", bookkeeping);
        }
        return result;
    }

    /** The breaker, for reading its state. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The limiter, for reading its leases. */
    public ConcurrencyLimiter limiter() {
        return limiter;
    }
}
