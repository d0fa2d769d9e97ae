package fi.hyte.platform;

/** Data every installation needs (official regions, assessment models), loaded idempotently at start. */
public interface ReferenceData {

    void load();
}
