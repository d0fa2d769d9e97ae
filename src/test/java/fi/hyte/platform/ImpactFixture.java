package fi.hyte.platform;

import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Screening;
import java.util.List;
import java.util.UUID;

/** Another organisation's decision case, for the tenant isolation test. */
final class ImpactFixture {

    private ImpactFixture() {}

    static UUID decisionCase(Preparation preparation, Tenant tenant, UUID body, String suffix) {
        return preparation.create(
                tenant,
                new DecisionCase(
                        null,
                        LocalizedText.of("Vieras päätösasia " + suffix, null),
                        LocalizedText.of(null, null),
                        body,
                        null,
                        List.of(),
                        "VIERAS/" + suffix,
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
