package fi.hyte.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.ImpactCatalog;
import fi.hyte.maturity.domain.Evidence;
import fi.hyte.maturity.domain.MaturityEvidence;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.LocalizedText;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maturity evidence reads residents' participation and the share of key decisions assessed
 * through the participation and impact modules' root APIs: a consultation that closed with its
 * comment unanswered shows, and once the comment is answered and the consultation concluded the
 * observation follows.
 */
@HyteSpringTest
class ParticipationEvidenceTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MaturityEvidence evidence;

    @Autowired
    ConsultationSetup setup;

    @Autowired
    Consultations consultations;

    @Autowired
    Answering answering;

    @Autowired
    FormTokens tokens;

    @Autowired
    YouSaidWeDid loop;

    @Autowired
    ImpactCatalog impact;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedConsultationAndItsAnswersShowInTheStrategyEvidence() {
        Org org = fixtures.organisation("osallisuus" + Long.toString(System.nanoTime(), 36));
        Evidence before = evidence.of(org.id(), List.of("strategy")).get("strategy");
        assertThat(before.observations()).extracting(Evidence.Observation::key).contains("evidence.noConsultations");

        Instant opens = Instant.now().minusSeconds(3600);
        UUID id = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Aihe", null),
                        LocalizedText.of("Johdanto", null),
                        opens,
                        opens.plusSeconds(86_400),
                        "POST",
                        false,
                        List.of(),
                        0),
                List.of());
        setup.addQuestion(org.tenant(), id, "TEXT", LocalizedText.of("Mitä ajattelet?", null), List.of());
        Consultation c = consultations.find(org.id(), id).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        id,
                        org.id(),
                        null,
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        "POST",
                        true,
                        List.of(),
                        c.version()));
        UUID question = consultations.questions(org.id(), id).get(0).id();
        Instant now = Instant.now();
        assertThat(answering
                        .submit(
                                consultations.find(org.id(), id).orElseThrow(),
                                new Answering.Submission(
                                        tokens.issue(id, now),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of(),
                                        Map.of(question, "Lisää penkkejä puistoon.")),
                                "10.7.0.1",
                                now)
                        .status())
                .isEqualTo("PUBLISHED");
        jdbc.sql("update consultation set closes_at = now() - interval '1 minute' where id = ?")
                .param(id)
                .update();

        Evidence unanswered = evidence.of(org.id(), List.of("strategy")).get("strategy");
        assertThat(observation(unanswered, "evidence.consultationsConcluded").arguments())
                .containsExactly(0, 1, 4);
        assertThat(observation(unanswered, "evidence.residentsAnswered").arguments())
                .containsExactly(0, 1, 0);

        UUID comment = loop.comments(org.id(), id).get(0).id();
        assertThat(loop.answer(
                        org.tenant(),
                        id,
                        new YouSaidWeDid.Reply(
                                "COMMENT", comment, "NOT_TAKEN", "Ei tänä vuonna.", null, null, List.of(), null)))
                .isEmpty();
        assertThat(loop.conclude(org.tenant(), id, Instant.now())).isEmpty();

        Evidence answered = evidence.of(org.id(), List.of("strategy")).get("strategy");
        assertThat(observation(answered, "evidence.consultationsConcluded").arguments())
                .containsExactly(1, 1, 4);
        assertThat(answered.observations())
                .extracting(Evidence.Observation::key)
                .doesNotContain("evidence.residentsAnswered");
    }

    @Test
    void theDemosGoalsEvidenceNamesTheShareOfKeyDecisionsAssessed() {
        int year = LocalDate.now(ZoneId.of("Europe/Helsinki")).getYear();
        long required = 0;
        long assessed = 0;
        for (int y = year - 1; y <= year; y++) {
            required += impact.shareAssessed(OrganisationCatalog.DEMO_MUNICIPALITY, y)
                    .required();
            assessed += impact.shareAssessed(OrganisationCatalog.DEMO_MUNICIPALITY, y)
                    .assessed();
        }
        Evidence goals = evidence.of(OrganisationCatalog.DEMO_MUNICIPALITY, List.of("goals"))
                .get("goals");
        if (required == 0) {
            assertThat(goals.observations())
                    .extracting(Evidence.Observation::key)
                    .contains("evidence.noDecisions");
        } else {
            assertThat(observation(goals, "evidence.decisionsAssessed").arguments())
                    .startsWith(assessed, required);
        }
        Evidence strategy = evidence.of(OrganisationCatalog.DEMO_MUNICIPALITY, List.of("strategy"))
                .get("strategy");
        assertThat(strategy.observations())
                .extracting(Evidence.Observation::key)
                .contains("evidence.consultationsConcluded");
    }

    private static Evidence.Observation observation(Evidence evidence, String key) {
        return evidence.observations().stream()
                .filter(o -> o.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + evidence.observations()));
    }
}
