package fi.hyte.participation;

import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.domain.Plan;
import fi.hyte.platform.LocalizedText;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.PlanFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organisation with a plan (a line, a goal, a measure), an online public site and an open
 * consultation on the goal with a free-text and a scale question, for the "you said, we did",
 * summary and export tests. Comments go in through the residents' own service. A new one, with its
 * own organisation, each time a test asks its {@code ObjectProvider<LoopFixture>}.
 */
@Component
@Scope("prototype")
class LoopFixture {

    final Org org;
    final String slug;
    final Plan plan;
    final String goalRef;
    final String measureRef;
    final UUID consultation;
    final Consultation.Section section;
    final Consultation.Question textQuestion;
    final Consultation.Question scaleQuestion;
    private final Answering answering;
    private final FormTokens tokens;
    private final Consultations consultations;
    private final JdbcClient jdbc;
    private int clients;

    LoopFixture(
            Fixtures fixtures,
            PlanFixtures planFixtures,
            Publishing publishing,
            ConsultationSetup setup,
            Consultations consultations,
            Answering answering,
            FormTokens tokens,
            PlanCatalog plans,
            JdbcClient jdbc) {
        this.answering = answering;
        this.tokens = tokens;
        this.consultations = consultations;
        this.jdbc = jdbc;
        String suffix = Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation("kuul" + suffix);
        slug = "kt-" + suffix;
        plan = planFixtures.withOneMeasure(
                org,
                "Suunnitelma " + suffix,
                "Lapset voivat hyvin",
                "Nuoret pääsevät mielenterveyspalveluihin",
                "Koulupsykologeja lisää",
                null);
        publishing.save(org.tenant(), TestSites.online(org.id(), slug));
        Instant opens = Instant.now().minusSeconds(3600);
        UUID id = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        plan.id(),
                        LocalizedText.of("Suunnitelmaluonnos", "Planutkast"),
                        LocalizedText.of("Johdanto", "Inledning"),
                        opens,
                        opens.plusSeconds(86_400 * 7),
                        "POST",
                        false,
                        List.of(),
                        0),
                List.of(new ConsultationSetup.SectionChoice(
                        "T-1", LocalizedText.of("Nuoret pääsevät mielenterveyspalveluihin", null))));
        setup.addQuestion(org.tenant(), id, "TEXT", LocalizedText.of("Mitä muuta?", "Vad mer?"), List.of());
        setup.addQuestion(org.tenant(), id, "SCALE", LocalizedText.of("Olen tyytyväinen", "Jag är nöjd"), List.of());
        Consultation c = consultations.find(org.id(), id).orElseThrow();
        setup.update(
                org.tenant(),
                new Consultation(
                        id,
                        org.id(),
                        plan.id(),
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        "POST",
                        true,
                        List.of(),
                        c.version()));
        consultation = id;
        section = consultations.sections(org.id(), id).get(0);
        List<Consultation.Question> questions = consultations.questions(org.id(), id);
        textQuestion = questions.get(0);
        scaleQuestion = questions.get(1);
        PlanCatalog.GoalInfo goalInfo = plans.content(org.id(), plan.id())
                .orElseThrow()
                .lines()
                .get(0)
                .goals()
                .get(0);
        goalRef = goalInfo.ref();
        measureRef = goalInfo.measures().get(0).ref();
    }

    /** A resident's comment on the section, from a client of its own. */
    Answering.Outcome comment(String text, String age, String area) {
        return answer(Map.of(section.id(), text), Map.of(), age, area, null);
    }

    Answering.Outcome answer(
            Map<UUID, String> sections, Map<UUID, String> answers, String age, String area, String email) {
        Instant now = Instant.now();
        Consultation c = consultations.find(org.id(), consultation).orElseThrow();
        return answering.submit(
                c,
                new Answering.Submission(
                        tokens.issue(consultation, now), null, null, age, area, email, sections, answers),
                "10.0.0." + (++clients),
                now);
    }

    void close() {
        jdbc.sql("update consultation set closes_at = now() - interval '1 minute' where id = ?")
                .param(consultation)
                .update();
    }
}
