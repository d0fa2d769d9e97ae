package fi.hyte.platform.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers, money and times as Finnish, Swedish and English readers write them. */
class FormatsTests {

    static final Locale FI = Locale.forLanguageTag("fi");
    static final Locale SV = Locale.forLanguageTag("sv");
    static final Locale EN = Locale.ENGLISH;

    @Test
    void thousandsAreSeparatedByANonBreakingSpaceInFinnishAndSwedish() {
        assertThat(Numbers.value(new BigDecimal("7882"), FI)).isEqualTo("7\u00a0882");
        assertThat(Numbers.value(new BigDecimal("1234567.5"), SV)).isEqualTo("1\u00a0234\u00a0567,5");
        assertThat(Numbers.value(new BigDecimal("7882"), EN)).isEqualTo("7,882");
        assertThat(Numbers.value(new BigDecimal("999"), FI)).isEqualTo("999");
    }

    @Test
    void aValueKeepsThePublishedDecimals() {
        assertThat(Numbers.value(new BigDecimal("10.0"), FI)).isEqualTo("10,0");
        assertThat(Numbers.value(new BigDecimal("9.75"), EN)).isEqualTo("9.75");
        assertThat(Numbers.value(new BigDecimal("9.75"), 1, FI)).isEqualTo("9,8");
        assertThat(Numbers.value(null, FI)).isEqualTo("–");
    }

    @Test
    void changesCarryTheirSignAndNegativesTheMinusSign() {
        assertThat(Numbers.change(new BigDecimal("7882"), FI)).isEqualTo("+7\u00a0882");
        assertThat(Numbers.change(new BigDecimal("-2438"), FI)).isEqualTo("\u22122\u00a0438");
        assertThat(Numbers.change(BigDecimal.ZERO, FI)).isEqualTo("0");
        assertThat(Numbers.value(new BigDecimal("-0.4"), SV)).isEqualTo("\u22120,4");
        assertThat(Numbers.value(new BigDecimal("-0.04"), 1, FI)).isEqualTo("0,0");
    }

    @Test
    void moneyPersonYearsAndSharesHaveOneShapeEach() {
        assertThat(Numbers.euros(new BigDecimal("2343000.4"), FI)).isEqualTo("2\u00a0343\u00a0000\u00a0€");
        assertThat(Numbers.euros(new BigDecimal("2343000"), EN)).isEqualTo("€2,343,000");
        assertThat(Numbers.workYears(new BigDecimal("1"), FI)).isEqualTo("1,0");
        assertThat(Numbers.workYears(new BigDecimal("22.45"), EN)).isEqualTo("22.5");
        assertThat(Numbers.percent(new BigDecimal("0.254"), FI)).isEqualTo("25\u00a0%");
        assertThat(Numbers.percent(new BigDecimal("0.254"), EN)).isEqualTo("25%");
        assertThat(Numbers.amount(new BigDecimal("0.50"), FI)).isEqualTo("0,5");
    }

    @Test
    void utcMomentsAreShownInFinnishTime() {
        Formats fi = new Formats(FI, ZoneId.of("Europe/Helsinki"));
        assertThat(fi.dateTime(OffsetDateTime.parse("2026-06-01T09:00:00Z"))).isEqualTo("1.6.2026 klo\u00a012.00");
        assertThat(fi.at(OffsetDateTime.parse("2026-11-22T21:30:00Z")).toLocalDateTime())
                .hasToString("2026-11-22T23:30");
        assertThat(fi.at(Instant.parse("2026-01-01T22:00:00Z")).toLocalDate()).hasToString("2026-01-02");
        assertThat(new Formats(SV, ZoneId.of("Europe/Helsinki")).dateTime(Instant.parse("2026-01-01T10:05:00Z")))
                .isEqualTo("1.1.2026 kl.\u00a012:05");
        assertThat(new Formats(EN, ZoneId.of("Europe/Helsinki")).date(LocalDate.of(2026, 12, 6)))
                .isEqualTo("6 Dec 2026");
        assertThat(fi.dateTime(null)).isEqualTo("–");
    }
}
