package fi.hyte.maturity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog.GroupComposition;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of results and the evidence rules, without a database. */
class ResultsArithmeticTests {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Results.median(Map.of(1, 1L, 2, 3L, 4, 1L), 5)).isEqualTo(2.0);
        assertThat(Results.median(Map.of(2, 2L, 3, 2L), 4)).isEqualTo(2.5);
        assertThat(Results.median(Map.of(4, 7L), 7)).isEqualTo(4.0);
        assertThat(Results.median(Map.of(), 0)).isNull();
    }

    @Test
    void disagreementMeansAnswersOverMoreThanTwoLevels() {
        assertThat(Results.spreadsOverMoreThanTwoLevels(Map.of(2, 4L, 3, 3L))).isFalse();
        assertThat(Results.spreadsOverMoreThanTwoLevels(Map.of(1, 1L, 3, 3L))).isTrue();
        assertThat(Results.spreadsOverMoreThanTwoLevels(Map.of(1, 1L, 2, 1L, 3, 1L)))
                .isTrue();
        assertThat(Results.spreadsOverMoreThanTwoLevels(Map.of(3, 0L, 1, 2L))).isFalse();
    }

    @Test
    void strategyEvidenceFollowsTheGroupsReach() {
        assertThat(MaturityEvidence.strategy(new GroupComposition(false, 0, 5, 0, Set.of()))
                        .suggestedLevel())
                .isEqualTo(1);
        assertThat(MaturityEvidence.strategy(new GroupComposition(true, 6, 5, 3, Set.of("NGO")))
                        .suggestedLevel())
                .isEqualTo(2);
        assertThat(MaturityEvidence.strategy(new GroupComposition(true, 6, 5, 5, Set.of("NGO")))
                        .suggestedLevel())
                .isEqualTo(3);
        Evidence broad = MaturityEvidence.strategy(new GroupComposition(true, 9, 5, 5, Set.of("NGO", "PARISH")));
        assertThat(broad.suggestedLevel()).isEqualTo(4);
        assertThat(broad.observations())
                .extracting(Evidence.Observation::key)
                .containsExactly("evidence.groupSectors", "evidence.outsideKinds");
    }
}
