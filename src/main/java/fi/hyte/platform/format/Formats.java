package fi.hyte.platform.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The formatting of one reader: their language and Hyte's time zone. Templates reach it as
 * {@code #fmt} (e.g. {@code ${#fmt.value(v)}}, {@code ${#fmt.dateTime(entry.occurredAt)}}); the
 * document renderer makes one per document language.
 */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");
    private static final DateTimeFormatter SV_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Locale locale;
    private final ZoneId zone;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public Locale locale() {
        return locale;
    }

    public String value(BigDecimal value) {
        return Numbers.value(value, locale);
    }

    public String value(BigDecimal value, int decimals) {
        return Numbers.value(value, decimals, locale);
    }

    public String integer(long value) {
        return Numbers.integer(value, locale);
    }

    public String change(BigDecimal difference) {
        return Numbers.change(difference, locale);
    }

    public String percent(BigDecimal share) {
        return Numbers.percent(share, locale);
    }

    public String percentOf(Number whole) {
        return Numbers.percentOf(whole, locale);
    }

    public String euros(BigDecimal value) {
        return Numbers.euros(value, locale);
    }

    public String workYears(BigDecimal value) {
        return Numbers.workYears(value, locale);
    }

    public String amount(BigDecimal value) {
        return Numbers.amount(value, locale);
    }

    /** A calendar date: 6.12.2026 in Finnish and Swedish, 6 Dec 2026 in English. */
    public String date(LocalDate date) {
        if (date == null) {
            return Numbers.MISSING;
        }
        return (locale.getLanguage().equals("en") ? EN_DATE : DATE).format(date);
    }

    /** A moment in Hyte's time zone: 6.12.2026 klo 14.05, 6.12.2026 kl. 14:05, 6 Dec 2026 14:05. */
    public String dateTime(Object moment) {
        ZonedDateTime local = at(moment);
        if (local == null) {
            return Numbers.MISSING;
        }
        return switch (locale.getLanguage()) {
            case "sv" -> DATE.format(local) + " kl.\u00a0" + SV_TIME.format(local);
            case "en" -> EN_DATE.format(local) + " " + EN_TIME.format(local);
            default -> DATE.format(local) + " klo\u00a0" + TIME.format(local);
        };
    }

    /** The moment in Hyte's time zone (the database hands times back in UTC). */
    public ZonedDateTime at(Object moment) {
        if (moment instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (moment instanceof Instant instant) {
            return instant.atZone(zone);
        }
        return null;
    }
}
