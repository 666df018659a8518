package dev.reelsmith.store.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.providers.CircuitOpenException;
import dev.reelsmith.providers.ContentRejectedException;
import dev.reelsmith.providers.InvalidRequestException;
import dev.reelsmith.providers.QuotaExceededException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.VendorException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorPolicyTest {

    @Test
    void constructor_shouldRejectZeroSlots() {
        // when / then
        assertThatThrownBy(() -> VendorPolicy.defaults().withMaxConcurrent(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrent must be between 1 and 1000, was 0");
    }

    @Test
    void constructor_shouldRejectALeaseShorterThanASecond() {
        // when / then
        assertThatThrownBy(() -> new VendorPolicy(1, Duration.ofMillis(500), 3, Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slotLease must be between PT1S and PT24H, was PT0.5S");
    }

    @Test
    void constructor_shouldRejectAThresholdOfZero() {
        // when / then
        assertThatThrownBy(() -> new VendorPolicy(1, Duration.ofMinutes(1), 0, Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureThreshold must be between 1 and 1000, was 0");
    }

    @Test
    void forProvider_shouldFallBack_whenTheProviderIsNotListed() {
        // given
        VendorPolicy runway = VendorPolicy.defaults().withMaxConcurrent(4);
        VendorPolicies policies = new VendorPolicies(Map.of("runway", runway), VendorPolicy.defaults());

        // when / then
        assertThat(policies.forProvider("runway").maxConcurrent()).isEqualTo(4);
        assertThat(policies.forProvider("luma")).isEqualTo(VendorPolicy.defaults());
    }

    @Test
    void callOutcome_shouldCountOnlyTransientFailuresAndThrottling() {
        // given
        VendorException transientFailure = new TransientVendorException("runway", "HTTP 503", null);
        VendorException throttled = new ThrottledException("runway", "HTTP 429", null);
        VendorException rejected = new ContentRejectedException("runway", "SAFETY", null);
        VendorException invalid = new InvalidRequestException("runway", "duration 7 not offered", null);
        VendorException quota = new QuotaExceededException("runway", "out of credits", null);
        VendorException open = new CircuitOpenException("runway", "circuit open", 5);

        // when / then
        assertThat(CallOutcome.of(transientFailure)).isEqualTo(CallOutcome.FAILED);
        assertThat(CallOutcome.of(throttled)).isEqualTo(CallOutcome.FAILED);
        assertThat(CallOutcome.of(rejected)).isEqualTo(CallOutcome.HEALTHY);
        assertThat(CallOutcome.of(invalid)).isEqualTo(CallOutcome.HEALTHY);
        assertThat(CallOutcome.of(null)).isEqualTo(CallOutcome.HEALTHY);
        assertThat(CallOutcome.of(quota)).isEqualTo(CallOutcome.NEUTRAL);
        assertThat(CallOutcome.of(open)).isEqualTo(CallOutcome.NEUTRAL);
        assertThat(CallOutcome.of(new IllegalStateException("bug"))).isEqualTo(CallOutcome.NEUTRAL);
    }
}
