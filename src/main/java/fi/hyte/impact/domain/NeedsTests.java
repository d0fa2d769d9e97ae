package fi.hyte.impact.domain;

/**
 * The gender (SUVA) and child (LAVA) needs tests and the parts they open. A "no" is an answer and
 * is kept; null is not answered.
 *
 * @param concernsPeople SUVA 1: does the decision concern people?
 * @param gendersDiffer SUVA 2: do women's and men's situations differ in this matter?
 * @param concernsChildren LAVA: does it touch people under 18?
 */
public record NeedsTests(
        Boolean concernsPeople,
        Boolean gendersDiffer,
        Boolean concernsChildren,
        String genderRepresentation,
        String genderOpportunities,
        String genderResources,
        String genderRisks,
        String childHearing,
        String childBestInterest) {

    public static NeedsTests none() {
        return new NeedsTests(null, null, null, null, null, null, null, null, null);
    }

    /** Following the facts gathered (THL, STM): either yes opens the gender analysis. */
    public boolean genderPartOpen() {
        return Boolean.TRUE.equals(concernsPeople) || Boolean.TRUE.equals(gendersDiffer);
    }

    public boolean childPartOpen() {
        return Boolean.TRUE.equals(concernsChildren);
    }

    public boolean suvaAnswered() {
        return concernsPeople != null && gendersDiffer != null;
    }

    public boolean lavaAnswered() {
        return concernsChildren != null;
    }

    public boolean genderPartEmpty() {
        return blank(genderRepresentation)
                && blank(genderOpportunities)
                && blank(genderResources)
                && blank(genderRisks);
    }

    public boolean childPartEmpty() {
        return blank(childHearing) || blank(childBestInterest);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
