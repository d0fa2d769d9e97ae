package fi.hyte.organisation;

/**
 * How old an indicator value's year is this year, and whether it is old enough to be marked as old
 * data by the organisation's own threshold (3 years unless it chose another).
 *
 * @param currentYear this year in Hyte's time zone
 * @param staleAfterYears a value more than this many years old is old data
 */
public record DataFreshness(int currentYear, int staleAfterYears) {

    public static final int DEFAULT_STALE_AFTER_YEARS = 3;

    /** Years from the value's year to this year: 0 for this year's value. */
    public int age(int year) {
        return Math.max(0, currentYear - year);
    }

    public boolean stale(int year) {
        return age(year) > staleAfterYears;
    }

    /** The same for a year that may be missing (no value): never stale. */
    public boolean stale(Integer year) {
        return year != null && stale(year.intValue());
    }
}
