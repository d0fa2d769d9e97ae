package fi.hyte.plan.domain;

/**
 * How a goal's indicator stands against its target. ON_TRACK: at least where a straight path from the
 * baseline to the target would be by now; BEHIND: better than the baseline but short of that path;
 * OFF_TRACK: no better than the baseline (or, for a level to keep, away from it by more than 5 %).
 */
public enum TargetStatus {
    REACHED,
    ON_TRACK,
    BEHIND,
    OFF_TRACK,
    NO_DATA,
    NO_TARGET;

    public boolean isGood() {
        return this == REACHED || this == ON_TRACK;
    }
}
