package fi.hyte.plan.domain;

/** Whom a goal is for: the age groups of the wellbeing report, and population groups. */
public enum TargetGroup {
    CHILDREN(true),
    YOUNG(true),
    WORKING_AGE(true),
    OLDER(true),
    EVERYONE(true),
    FAMILIES(false),
    UNEMPLOYED(false),
    LOW_INCOME(false),
    IMMIGRANTS(false),
    DISABLED(false),
    CARERS(false),
    LONELY(false);

    private final boolean ageGroup;

    TargetGroup(boolean ageGroup) {
        this.ageGroup = ageGroup;
    }

    public boolean isAgeGroup() {
        return ageGroup;
    }
}
