package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Need;
import fi.hyte.impact.domain.Screening;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.support.HyteSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** §3: the group rule, the strategy rule and the exclusions give their outcome and name what fired. */
@HyteSpringTest
class ImpactScreeningTests {

    @Autowired
    Templates templates;

    private static Screening answers(Set<String> yes, String exclusion) {
        return new Screening(true, BigDecimal.ONE, BigDecimal.TEN, yes, exclusion, List.of("children"), List.of());
    }

    @Test
    void aSpecificGroupMakesTheAssessmentRequiredWithAHearingAndNamesTheGroupRule() {
        Screening.Result result = answers(Set.of("group"), null).evaluate(templates.defaults());
        assertThat(result.need()).isEqualTo(Need.REQUIRED);
        assertThat(result.fired()).containsExactly("group");
        assertThat(result.hearingRequired()).isTrue();
        assertThat(result.exclusion()).isNull();
    }

    @Test
    void aStrategyOrProgrammeMakesTheAssessmentRequiredAndNamesTheStrategyRule() {
        Screening.Result result = answers(Set.of("strategy"), null).evaluate(templates.defaults());
        assertThat(result.need()).isEqualTo(Need.REQUIRED);
        assertThat(result.fired()).containsExactly("strategy");
        assertThat(result.hearingRequired()).isFalse();
    }

    @Test
    void aDecisionOnAnIndividualAnAppealAndAnItemForInformationAreExcludedAndNamed() {
        TemplateContent defaults = templates.defaults();
        for (String exclusion : List.of("individual", "appeal", "information")) {
            Screening.Result result =
                    answers(Set.of("group", "strategy"), exclusion).evaluate(defaults);
            assertThat(result.need()).as(exclusion).isEqualTo(Need.NOT_REQUIRED);
            assertThat(result.exclusion()).as(exclusion).isEqualTo(exclusion);
            assertThat(result.fired()).as(exclusion).isEmpty();
            assertThat(result.hearingRequired()).as(exclusion).isFalse();
            assertThat(defaults.exclusions())
                    .extracting(TemplateContent.Exclusion::key)
                    .contains(exclusion);
        }
    }
}
