package fi.hyte.participation;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.JoysAndWorries;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of residents' participation: how far each consultation's comments and
 * themes are answered ("you said, we did"; evidence for the maturity criteria on how broadly the
 * strategy is prepared and how wide the collaboration is), and a year's themes of joys and worries
 * for the wellbeing report.
 */
@Service
@Transactional(readOnly = true)
public class ParticipationCatalog {

    private final Consultations consultations;
    private final YouSaidWeDid loop;
    private final JoysAndWorries joys;
    private final CouncilStatements statements;
    private final OrganisationCatalog organisations;
    private final JdbcClient jdbc;

    ParticipationCatalog(
            Consultations consultations,
            YouSaidWeDid loop,
            JoysAndWorries joys,
            CouncilStatements statements,
            OrganisationCatalog organisations,
            JdbcClient jdbc) {
        this.consultations = consultations;
        this.loop = loop;
        this.joys = joys;
        this.statements = statements;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    /**
     * Every consultation of the organisation, newest first, with its answer rate (its comments,
     * themes and councils' statements) and the councils it invited and heard; and the residents'
     * feedback on measures with how much of it is answered.
     */
    public AnswerRates answerRates(OrganisationId organisation) {
        Set<UUID> councils = organisations.councils(organisation).stream()
                .map(OrganisationCatalog.CouncilSummary::id)
                .collect(Collectors.toSet());
        List<ConsultationRate> rates = consultations.of(organisation).stream()
                .map(c -> {
                    YouSaidWeDid.Progress p = loop.progress(organisation, c.id());
                    int invited = (int) c.invitedBodies().stream()
                            .filter(councils::contains)
                            .count();
                    int heard = (int) statements.published(organisation, c.id()).stream()
                            .filter(s -> s.state().equals("GIVEN"))
                            .count();
                    return new ConsultationRate(
                            c.id(),
                            c.title(),
                            c.published(),
                            c.closesAt(),
                            p.items(),
                            p.answered(),
                            p.concludedAt(),
                            invited,
                            heard);
                })
                .toList();
        int[] feedback = jdbc.sql("select count(*), count(*) filter (where answer_fi is not null) from"
                        + " measure_feedback where organisation_id = ? and status <> 'REMOVED'")
                .param(organisation.value())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
        return new AnswerRates(rates, feedback[0], feedback[1]);
    }

    /** The organisation's consultations, newest first, to choose one a hearing links to. */
    public List<ConsultationChoice> consultationChoices(OrganisationId organisation) {
        return consultations.of(organisation).stream()
                .map(c -> new ConsultationChoice(c.id(), c.title(), c.opensAt(), c.closesAt()))
                .toList();
    }

    /**
     * One consultation of the organisation as another module links to it (e.g. the hearing of a
     * decision under assessment): its period, the responses received and how far its comments and
     * themes are answered; empty for another organisation's consultation.
     */
    public Optional<ConsultationLink> consultation(OrganisationId organisation, UUID id) {
        return consultations.find(organisation, id).map(c -> {
            YouSaidWeDid.Progress p = loop.progress(organisation, c.id());
            return new ConsultationLink(
                    c.id(),
                    c.title(),
                    c.opensAt(),
                    c.closesAt(),
                    c.published(),
                    consultations.responses(organisation, c.id()),
                    p.items(),
                    p.answered(),
                    p.concludedAt());
        });
    }

    /** A consultation to choose from. */
    public record ConsultationChoice(UUID consultation, LocalizedText title, Instant opensAt, Instant closesAt) {}

    /**
     * A linked consultation: {@code responses} received (not removed), {@code items} (published
     * comments and themes) of which {@code answered} have an answer ("you said, we did"), and when
     * the answers were concluded (null while not). Its summary is at
     * {@code /participation/consultations/{id}/summary}.
     */
    public record ConsultationLink(
            UUID consultation,
            LocalizedText title,
            Instant opensAt,
            Instant closesAt,
            boolean published,
            long responses,
            int items,
            int answered,
            Instant concludedAt) {}

    /**
     * The themes of joys and of worries with items from the year (Europe/Helsinki), the most items
     * first within each kind: JOY then WORRY.
     */
    public List<JoyWorryTheme> joysAndWorries(OrganisationId organisation, int year) {
        return joys.ofYear(organisation, year).stream()
                .map(t -> new JoyWorryTheme(
                        t.id(), t.kind(), t.title(), t.items(), t.indicatorIds(), t.sources(), t.example()))
                .toList();
    }

    /**
     * A consultation's items (published comments, themes and councils' statements) and how many
     * have an answer; the councils it invited and how many gave a statement.
     */
    public record ConsultationRate(
            UUID consultation,
            LocalizedText title,
            boolean published,
            Instant closesAt,
            int items,
            int answered,
            Instant concludedAt,
            int councilsInvited,
            int councilsHeard) {

        /** The share answered in per cent (100 when there is nothing to answer). */
        public int percent() {
            return items == 0 ? 100 : (int) Math.round(answered * 100.0 / items);
        }
    }

    /**
     * The organisation's consultations' answer rates, its residents' feedback on measures (not
     * removed) and how much of that is answered, and their totals.
     */
    public record AnswerRates(List<ConsultationRate> consultations, int feedback, int feedbackAnswered) {

        /** Every item to answer: the consultations' items and the feedback. */
        public int items() {
            return consultations.stream().mapToInt(ConsultationRate::items).sum() + feedback;
        }

        public int answered() {
            return consultations.stream().mapToInt(ConsultationRate::answered).sum() + feedbackAnswered;
        }

        /** The share answered in per cent (100 when there is nothing to answer). */
        public int percent() {
            return items() == 0 ? 100 : (int) Math.round(answered() * 100.0 / items());
        }

        public long concluded() {
            return consultations.stream().filter(c -> c.concludedAt() != null).count();
        }
    }

    /**
     * A theme of joys ({@code kind} JOY) or worries (WORRY): how many items of the year it groups,
     * the indicators it is linked to, the workshops its items came from (empty when all came from
     * the public site), and whether it is example content.
     */
    public record JoyWorryTheme(
            UUID id,
            String kind,
            LocalizedText title,
            int items,
            List<Integer> indicatorIds,
            List<String> sources,
            boolean example) {}
}
