package fi.hyte.maturity.domain;

import java.util.List;

/**
 * What Hyte's own data says about a criterion: a suggested level with the observations behind it,
 * or, when the data it needs is not in Hyte yet, no suggestion and the reason.
 *
 * @param suggestedLevel null when there is no data yet
 * @param observations message keys with their arguments, e.g. evidence.groupSectors(5, 4)
 */
public record Evidence(Integer suggestedLevel, List<Observation> observations, String noDataKey) {

    public static Evidence noDataYet(String reasonKey) {
        return new Evidence(null, List.of(), reasonKey);
    }

    /** One observation, shown as a sentence from the bundles. */
    public record Observation(String key, Object... arguments) {}
}
