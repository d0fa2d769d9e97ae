package fi.hyte.indicator.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sotkanet's gender breakdown; stored as 0, 1, 2. */
public enum Gender {
    TOTAL("total"),
    MALE("male"),
    FEMALE("female");

    private static final Map<String, Gender> NAMES = Map.ofEntries(
            Map.entry("total", TOTAL),
            Map.entry("yhteensä", TOTAL),
            Map.entry("sukupuolet yhteensä", TOTAL),
            Map.entry("kaikki", TOTAL),
            Map.entry("totalt", TOTAL),
            Map.entry("båda könen", TOTAL),
            Map.entry("male", MALE),
            Map.entry("miehet", MALE),
            Map.entry("mies", MALE),
            Map.entry("pojat", MALE),
            Map.entry("män", MALE),
            Map.entry("female", FEMALE),
            Map.entry("naiset", FEMALE),
            Map.entry("nainen", FEMALE),
            Map.entry("tytöt", FEMALE),
            Map.entry("kvinnor", FEMALE));

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    /** Sotkanet's name: total, male or female. */
    public String code() {
        return code;
    }

    public short stored() {
        return (short) ordinal();
    }

    public static Gender ofStored(int stored) {
        return values()[stored];
    }

    /** Sotkanet's names and the Finnish and Swedish words of its web exports; empty means total. */
    public static Optional<Gender> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(TOTAL);
        }
        return Optional.ofNullable(NAMES.get(text.strip().toLowerCase(Locale.ROOT)));
    }
}
