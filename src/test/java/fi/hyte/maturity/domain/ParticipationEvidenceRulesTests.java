package fi.hyte.maturity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.maturity.domain.MaturityEvidence.Assessed;
import fi.hyte.maturity.domain.MaturityEvidence.Heard;
import fi.hyte.organisation.OrganisationCatalog.GroupComposition;
import fi.hyte.plan.PlanCatalog.PlanCounts;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules by which residents' participation (criteria 1 and 2) and the share of key decisions
 * assessed before the decision (criterion 3) move the suggested level, without a database.
 */
class ParticipationEvidenceRulesTests {

    static final GroupComposition ALL_SECTORS_ONE_KIND = new GroupComposition(true, 6, 5, 5, Set.of("NGO"));
    static final Heard NOBODY = new Heard(0, 0, 0, 0, 0, 0);

    /** A plan whose measures are all shared (collaboration 4) and whose goals are complete (goals 4). */
    static PlanCounts complete() {
        return new PlanCounts(null, 4, 4, 4, 4, 4, null, 0, 4, 10, 10, 4, 4, 4, 4);
    }

    @Test
    void concludedConsultationsWithACouncilsStatementLiftAStrategyOfThreeToFour() {
        assertThat(MaturityEvidence.strategy(ALL_SECTORS_ONE_KIND, NOBODY).suggestedLevel())
                .isEqualTo(3);
        assertThat(MaturityEvidence.strategy(ALL_SECTORS_ONE_KIND, NOBODY).observations())
                .extracting(Evidence.Observation::key)
                .contains("evidence.noConsultations");
        Evidence heard = MaturityEvidence.strategy(ALL_SECTORS_ONE_KIND, new Heard(2, 1, 40, 40, 3, 1));
        assertThat(heard.suggestedLevel()).isEqualTo(4);
        assertThat(heard.observations())
                .extracting(Evidence.Observation::key)
                .containsExactly(
                        "evidence.groupSectors",
                        "evidence.outsideKinds",
                        "evidence.consultationsConcluded",
                        "evidence.councilsHeard");
        assertThat(heard.observations().get(2).arguments()).containsExactly(1, 2, 4);
        assertThat(MaturityEvidence.strategy(ALL_SECTORS_ONE_KIND, new Heard(2, 1, 40, 40, 3, 0))
                        .suggestedLevel())
                .as("no council heard")
                .isEqualTo(3);
    }

    @Test
    void residentsLeftMostlyUnansweredHoldStrategyAndCollaborationDown() {
        GroupComposition broad = new GroupComposition(true, 9, 5, 5, Set.of("NGO", "PARISH"));
        Heard unanswered = new Heard(1, 0, 10, 4, 0, 0);
        assertThat(MaturityEvidence.strategy(broad, NOBODY).suggestedLevel()).isEqualTo(4);
        assertThat(MaturityEvidence.strategy(broad, unanswered).suggestedLevel())
                .isEqualTo(2);

        assertThat(MaturityEvidence.collaboration(complete(), NOBODY).suggestedLevel())
                .isEqualTo(4);
        Evidence held = MaturityEvidence.collaboration(complete(), unanswered);
        assertThat(held.suggestedLevel()).isEqualTo(2);
        assertThat(held.observations().get(1).key()).isEqualTo("evidence.residentsAnswered");
        assertThat(held.observations().get(1).arguments()).containsExactly(4, 10, 40);
        assertThat(MaturityEvidence.collaboration(complete(), new Heard(1, 0, 10, 8, 0, 0))
                        .suggestedLevel())
                .isEqualTo(3);
        assertThat(MaturityEvidence.collaboration(complete(), new Heard(1, 1, 10, 10, 0, 0))
                        .suggestedLevel())
                .isEqualTo(4);
    }

    @Test
    void theShareOfKeyDecisionsAssessedBeforeTheDecisionHoldsTheGoalsDown() {
        Evidence none = MaturityEvidence.goals(complete(), new Assessed(2025, 2026, 0, 0));
        assertThat(none.suggestedLevel()).as("no data moves nothing").isEqualTo(4);
        assertThat(none.observations()).extracting(Evidence.Observation::key).contains("evidence.noDecisions");
        Evidence few = MaturityEvidence.goals(complete(), new Assessed(2025, 2026, 4, 1));
        assertThat(few.suggestedLevel()).isEqualTo(2);
        assertThat(few.observations().get(few.observations().size() - 1).arguments())
                .containsExactly(1L, 4L, 25, "2025", "2026");
        assertThat(MaturityEvidence.goals(complete(), new Assessed(2025, 2026, 4, 3))
                        .suggestedLevel())
                .isEqualTo(3);
        assertThat(MaturityEvidence.goals(complete(), new Assessed(2025, 2026, 4, 4))
                        .suggestedLevel())
                .isEqualTo(4);
    }
}
