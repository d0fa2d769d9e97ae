package fi.hyte.platform;

/** A module's demo content, seeded at start when demo data is on; seeding twice adds nothing. */
public interface DemoContent {

    /** Lower orders run first: organisations before what belongs to them. */
    int order();

    void seed();
}
