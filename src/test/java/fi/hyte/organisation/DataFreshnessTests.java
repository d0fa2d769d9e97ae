package fi.hyte.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How old a value's year is, and when it is old data by the organisation's threshold. */
class DataFreshnessTests {

    @Test
    void aValueIsOldDataOnlyPastTheThreshold() {
        DataFreshness freshness = new DataFreshness(2026, 3);
        assertThat(freshness.age(2011)).isEqualTo(15);
        assertThat(freshness.age(2026)).isZero();
        assertThat(freshness.age(2027))
                .as("a forecast year is not negative in age")
                .isZero();
        assertThat(freshness.stale(2023)).isFalse();
        assertThat(freshness.stale(2022)).isTrue();
        assertThat(freshness.stale((Integer) null)).isFalse();
        assertThat(new DataFreshness(2026, 20).stale(2011)).isFalse();
    }
}
