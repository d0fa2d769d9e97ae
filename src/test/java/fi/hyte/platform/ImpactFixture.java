package fi.hyte.platform;

import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Screening;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /** The case decided today as required, with a follow-up tied to the organisation's goal. */
    static void decided(JdbcClient jdbc, OrganisationId organisation, UUID caseId, UUID goal) {
        jdbc.sql("update impact_case set status = 'DECIDED', need = 'REQUIRED', decided_on = ? where id = ?")
                .params(java.sql.Date.valueOf(LocalDate.now()), caseId)
                .update();
        jdbc.sql("insert into impact_follow_up (id, organisation_id, case_id, what, expected, goal_id)"
                        + " values (?, ?, ?, 'Vieras seuranta', 'INCREASE', ?)")
                .params(UUID.randomUUID(), organisation.value(), caseId, goal)
                .update();
    }
}
