package fi.hyte.impact.web;

import fi.hyte.impact.domain.NeedsTests;
import jakarta.validation.constraints.Size;

/** The SUVA and LAVA needs tests (yes, no or unanswered) and the parts they open. */
record NeedsForm(
        Boolean concernsPeople,
        Boolean gendersDiffer,
        Boolean concernsChildren,
        @Size(max = 4000, message = "{validation.tooLong}") String genderRepresentation,
        @Size(max = 4000, message = "{validation.tooLong}") String genderOpportunities,
        @Size(max = 4000, message = "{validation.tooLong}") String genderResources,
        @Size(max = 4000, message = "{validation.tooLong}") String genderRisks,
        @Size(max = 4000, message = "{validation.tooLong}") String childHearing,
        @Size(max = 4000, message = "{validation.tooLong}") String childBestInterest,
        Integer version) {

    NeedsForm {
        version = version == null ? 0 : version;
    }

    NeedsTests needs() {
        return new NeedsTests(
                concernsPeople,
                gendersDiffer,
                concernsChildren,
                genderRepresentation,
                genderOpportunities,
                genderResources,
                genderRisks,
                childHearing,
                childBestInterest);
    }
}
