package fi.hyte.impact.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Who was heard, when, how, how many took part, what they said and what was done with it.
 *
 * @param consultationId a consultation of the participation module that was this hearing, or null
 */
public record Hearing(
        UUID id,
        UUID caseId,
        Heard who,
        LocalDate heldOn,
        String method,
        Integer participants,
        String said,
        String done,
        String url,
        UUID consultationId,
        int version) {

    /** A hearing that is not a consultation of the participation module. */
    public Hearing(
            UUID id,
            UUID caseId,
            Heard who,
            LocalDate heldOn,
            String method,
            Integer participants,
            String said,
            String done,
            String url,
            int version) {
        this(id, caseId, who, heldOn, method, participants, said, done, url, null, version);
    }

    /** Who is heard; children by a method fit for their age. */
    public enum Heard {
        RESIDENTS,
        YOUTH_COUNCIL,
        OLDER_COUNCIL,
        DISABILITY_COUNCIL,
        CHILDREN,
        STAFF,
        NGOS;

        /** Whether hearing these people counts as hearing the matrix's group row. */
        public boolean covers(String row) {
            return switch (this) {
                case RESIDENTS -> true;
                case YOUTH_COUNCIL -> row.equals("young") || row.equals("children");
                case OLDER_COUNCIL -> row.equals("older");
                case DISABILITY_COUNCIL -> row.equals("disabled");
                case CHILDREN -> row.equals("children");
                case STAFF -> row.equals("staff");
                case NGOS -> row.equals("lowIncome") || row.equals("disabled") || row.equals("language");
            };
        }
    }
}
