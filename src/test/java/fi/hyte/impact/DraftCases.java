package fi.hyte.impact;

import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Screening;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Tenant;
import java.util.List;
import java.util.UUID;

/** The smallest decision case the impact tests start from, made as the new-case page makes it. */
final class DraftCases {

    private DraftCases() {}

    /** A draft with a Finnish title, the deciding body and the sector (or none), nothing else. */
    static UUID draft(Preparation preparation, Tenant tenant, String title, UUID body, UUID sector) {
        return preparation.create(
                tenant,
                new DecisionCase(
                        null,
                        LocalizedText.of(title, null),
                        LocalizedText.of(null, null),
                        body,
                        sector,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        CaseStatus.DRAFT,
                        null,
                        null,
                        0,
                        Screening.none(),
                        NeedsTests.none(),
                        DecisionCase.Decision.none(),
                        null,
                        null,
                        null,
                        false,
                        null,
                        0),
                false);
    }
}
