package dev.reelsmith.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTest {

    @Test
    void of_shouldMultiplyQuantityByUnitPrice_whenBillIsAPlainProduct() {
        // given
        BigDecimal seconds = new BigDecimal("5");
        BigDecimal perSecond = new BigDecimal("0.12");

        // when
        Cost cost = Cost.of(seconds, Cost.SECOND, perSecond);

        // then
        assertThat(cost.totalUsd()).isEqualByComparingTo("0.60");
        assertThat(cost.unit()).isEqualTo("second");
        assertThat(cost.isFree()).isFalse();
    }

    @Test
    void free_shouldChargeNothing_whenProviderIsLocal() {
        // given / when
        Cost cost = Cost.free(BigDecimal.ONE, Cost.IMAGE);

        // then
        assertThat(cost.isFree()).isTrue();
        assertThat(cost.unitPriceUsd()).isEqualByComparingTo("0");
        assertThat(cost.quantity()).isEqualByComparingTo("1");
    }

    @Test
    void constructor_shouldRejectNegativeQuantity_withExactMessage() {
        assertThatThrownBy(() -> Cost.of(new BigDecimal("-1"), Cost.IMAGE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must not be negative, was -1");
    }

    @Test
    void constructor_shouldRejectBlankUnit_withExactMessage() {
        assertThatThrownBy(() -> new Cost(BigDecimal.ONE, " ", BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit must not be blank");
    }

    @Test
    void constructor_shouldRejectMissingTotal_withExactMessage() {
        assertThatThrownBy(() -> new Cost(BigDecimal.ONE, Cost.TOKEN, BigDecimal.ONE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("totalUsd must not be null");
    }
}
