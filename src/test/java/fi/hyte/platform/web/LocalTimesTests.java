package fi.hyte.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Times from the database (UTC) are shown in Finnish time, summer time included. */
class LocalTimesTests {

    final LocalTimes times = new LocalTimes("Europe/Helsinki");

    @Test
    void utcMomentsAreShownInFinnishTime() {
        assertThat(times.at(OffsetDateTime.parse("2026-06-01T09:00:00Z")).toLocalTime())
                .hasToString("12:00");
        assertThat(times.at(OffsetDateTime.parse("2026-11-22T21:30:00Z")).toLocalDateTime())
                .hasToString("2026-11-22T23:30");
        assertThat(times.at(Instant.parse("2026-01-01T22:00:00Z")).toLocalDate())
                .hasToString("2026-01-02");
    }

    @Test
    void whatIsNotAMomentGivesNothing() {
        assertThat(times.at(null)).isNull();
    }
}
