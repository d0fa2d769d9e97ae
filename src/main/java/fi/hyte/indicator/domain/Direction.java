package fi.hyte.indicator.domain;

/**
 * Which way is better. Sotkanet does not publish it, so Hyte's curated list sets it; for the rest a
 * change is shown without a judgement.
 */
public enum Direction {
    HIGHER_IS_BETTER,
    HIGHER_IS_WORSE,
    NEUTRAL;

    /** +1 when the change is an improvement, -1 when it is a decline, 0 when neither can be said. */
    public int judge(int signOfChange) {
        return switch (this) {
            case HIGHER_IS_BETTER -> signOfChange;
            case HIGHER_IS_WORSE -> -signOfChange;
            case NEUTRAL -> 0;
        };
    }
}
