package fi.hyte.impact.web;

import java.util.List;
import java.util.Objects;

/** The screening answers; numbers are text so that a wrong one can be shown back with its message. */
record ScreeningForm(
        String sharePercent,
        String euros,
        List<String> yes,
        String exclusion,
        List<String> groups,
        List<String> areas,
        Integer version) {

    ScreeningForm {
        yes = clean(yes);
        groups = clean(groups);
        areas = clean(areas);
        version = version == null ? 0 : version;
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .filter(v -> !v.isBlank())
                        .distinct()
                        .toList();
    }
}
