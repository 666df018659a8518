package dev.reelsmith.providers.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TokenPricesTest {
    @Test
    void usage_shouldPriceEachDirectionPerThousandTokens_whenPricesDiffer() {
        // given
        TokenPrices prices = TokenPrices.of("0.0008", "0.004");

        // when
        TokenUsage usage = prices.usage(12_345, 678);

        // then
        assertThat(usage.inputTokens()).isEqualTo(12_345);
        assertThat(usage.outputTokens()).isEqualTo(678);
        assertThat(usage.costUsd()).isEqualByComparingTo(new BigDecimal("0.012588"));
    }

    @Test
    void usage_shouldCostNothing_whenModelIsFree() {
        // when
        TokenUsage usage = TokenPrices.FREE.usage(1000, 1000);

        // then
        assertThat(usage.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void new_shouldRejectNegativePrice_withExactMessage() {
        // when / then
        assertThatThrownBy(() -> TokenPrices.of("-0.1", "0.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputPer1k must be >= 0, was -0.1");
    }
}
