package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The wellbeing plan of one council term (e.g. 2025–2029). Example plans (the demo's) are labelled
 * as such wherever they show.
 */
public record Plan(
        UUID id,
        LocalizedText title,
        int firstYear,
        int lastYear,
        String strategyTitle,
        String strategyUrl,
        boolean example,
        int version) {

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
