package io.loyaltyhub.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointsAndMoneyTest {

    @Test
    void pointsAddAndSubtractExactly() {
        assertThat(Points.of(7).minus(Points.of(10))).isEqualTo(Points.of(-3));
        assertThat(Points.of(-3).isNegative()).isTrue();
        assertThat(Points.of(0)).isSameAs(Points.ZERO);
        assertThat(Points.of(50).isMoreThan(Points.of(-50))).isTrue();
        assertThatThrownBy(() -> Points.of(Long.MIN_VALUE).minus(Points.of(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Points.of(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void moneyAddsAndSubtractsOnlyWithinOneCurrency() {
        Money tenEuros = Money.of(1000, "EUR");

        assertThat(tenEuros.plus(Money.of(1, "EUR"))).isEqualTo(Money.of(1001, "EUR"));
        assertThat(tenEuros.minus(tenEuros)).isEqualTo(Money.zero(tenEuros.currency()));
        assertThat(tenEuros.isMoreThan(Money.of(999, "EUR"))).isTrue();
        assertThatThrownBy(() -> tenEuros.plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tenEuros.isMoreThan(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyNeverGoesBelowZeroNorAboveTheMaximum() {
        assertThatThrownBy(() -> Money.of(1, "EUR").minus(Money.of(2, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Money.MAX_MINOR_UNITS, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
