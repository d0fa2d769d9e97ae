package fi.hyte.participation.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consultation's summary for preparers and decision makers: counts per section and question,
 * themes with their outcomes, and who was heard (respondents by age group and postal area, beside
 * the population's share where the knowledge base has it), with the age groups nobody answered
 * from named. A group of one to four respondents is shown as "< 5" wherever it appears, so that a
 * small group cannot be recognised. Removed answers are not counted.
 */
@Service
@Transactional(readOnly = true)
public class Summaries {

    /** Groups smaller than this (but not empty) show as "< 5". */
    public static final int SMALL = 5;

    /**
     * The knowledge base's indicators of an age group's share of the population: Sotkanet's 170
     * (65–74-year-olds, % of the population) and 171 (aged 75 and over). Sotkanet's other age shares
     * (0–6, 7–15, 16–24, 25–64) do not match the answer form's groups, so those groups say that the
     * knowledge base has no share rather than show one of other ages.
     */
    static final Map<String, Integer> POPULATION_SHARE = Map.of("65_74", 170, "75_PLUS", 171);

    private final JdbcClient jdbc;
    private final Consultations consultations;
    private final YouSaidWeDid loop;
    private final IndicatorCatalog indicators;
    private final CouncilStatements councils;

    Summaries(
            JdbcClient jdbc,
            Consultations consultations,
            YouSaidWeDid loop,
            IndicatorCatalog indicators,
            CouncilStatements councils) {
        this.councils = councils;
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.loop = loop;
        this.indicators = indicators;
    }

    /** A count as shown: "< 5" for one to four, otherwise the number. */
    public static String shown(long count) {
        return count > 0 && count < SMALL ? "< " + SMALL : Long.toString(count);
    }

    public record Summary(
            Consultation consultation,
            long respondents,
            long held,
            List<SectionCount> sections,
            List<QuestionCount> questions,
            List<ThemeCount> themes,
            Map<String, Long> outcomes,
            List<Group> ageGroups,
            List<Group> areas,
            List<String> unheard,
            YouSaidWeDid.Progress progress,
            List<StatementCount> statements,
            FeedbackCount feedback) {

        public String respondentsShown() {
            return shown(respondents);
        }
    }

    public record SectionCount(Consultation.Section section, long comments) {}

    /** A question's answers: per choice (1…n) or scale point (1–5), or the number of texts. */
    public record QuestionCount(Consultation.Question question, long answers, List<Long> counts, BigDecimal mean) {

        public List<String> countsShown() {
            return counts.stream().map(Summaries::shown).toList();
        }
    }

    public record ThemeCount(YouSaidWeDid.Theme theme, String outcome) {}

    /**
     * A council's statement in full (or "no statement given") with the answer to it: its outcome
     * and text, null while unanswered.
     */
    public record StatementCount(CouncilStatements.Statement statement, YouSaidWeDid.Answer answer) {}

    /** Residents' feedback on the measures of the consultation's plan: received (not removed) and answered. */
    public record FeedbackCount(long received, long answered) {}

    /**
     * A group of respondents: its count as shown, its share of the respondents (null when the group
     * is small) and of the population (null when not known), each in per cent.
     */
    public record Group(String key, long count, BigDecimal share, BigDecimal population, Integer populationYear) {

        public String shown() {
            return Summaries.shown(count);
        }
    }

    public Summary of(OrganisationId organisation, UUID id) {
        Consultation c = consultations
                .find(organisation, id)
                .orElseThrow(() -> new fi.hyte.platform.NotFoundException("Consultation"));
        long respondents = count(
                "select count(*) from consultation_response where organisation_id = ? and"
                        + " consultation_id = ? and status <> 'REMOVED'",
                organisation,
                id);
        long held = count(
                "select count(*) from consultation_response where organisation_id = ? and"
                        + " consultation_id = ? and status = 'HELD'",
                organisation,
                id);
        Map<UUID, Long> perSection = new LinkedHashMap<>();
        jdbc.sql("select a.section_id, count(*) from consultation_answer a join consultation_response r on r.id ="
                        + " a.response_id where r.organisation_id = ? and r.consultation_id = ? and r.status <>"
                        + " 'REMOVED' and a.section_id is not null group by a.section_id")
                .params(organisation.value(), id)
                .query((rs, n) -> perSection.put(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        List<SectionCount> sections = consultations.sections(organisation, id).stream()
                .map(s -> new SectionCount(s, perSection.getOrDefault(s.id(), 0L)))
                .toList();
        List<QuestionCount> questions = new ArrayList<>();
        // Every question's answers in one pass: (question, choice, scale) → count.
        List<Tally> tallies = jdbc.sql(
                        "select a.question_id, a.choice, a.scale, count(*) from consultation_answer a"
                                + " join consultation_response r on r.id = a.response_id where r.organisation_id = ? and"
                                + " r.consultation_id = ? and r.status <> 'REMOVED' and a.question_id is not null group by 1, 2, 3")
                .params(organisation.value(), id)
                .query((rs, n) -> new Tally(
                        rs.getObject(1, UUID.class),
                        (Integer) rs.getObject(2, Integer.class),
                        (Integer) rs.getObject(3, Integer.class),
                        rs.getLong(4)))
                .list();
        for (Consultation.Question q : consultations.questions(organisation, id)) {
            questions.add(question(q, tallies));
        }
        Map<UUID, YouSaidWeDid.Answer> answers = loop.answers(organisation, id);
        List<ThemeCount> themes = loop.themes(organisation, id).stream()
                .map(t -> new ThemeCount(
                        t, answers.containsKey(t.id()) ? answers.get(t.id()).outcome() : null))
                .toList();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        YouSaidWeDid.OUTCOMES.forEach(o -> outcomes.put(o, 0L));
        answers.values().forEach(a -> outcomes.merge(a.outcome(), 1L, Long::sum));
        Map<String, Long> byAge = new LinkedHashMap<>();
        Answering.AGE_GROUPS.forEach(g -> byAge.put(g, 0L));
        long unknownAge = 0;
        for (Object[] row : jdbc.sql("select age_group, count(*) from consultation_response where organisation_id = ?"
                        + " and consultation_id = ? and status <> 'REMOVED' group by age_group")
                .params(organisation.value(), id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list()) {
            if (row[0] == null || !byAge.containsKey((String) row[0])) {
                unknownAge += (Long) row[1];
            } else {
                byAge.put((String) row[0], (Long) row[1]);
            }
        }
        Map<Integer, IndicatorCatalog.OwnValue> population = new TreeMap<>();
        indicators.ownValues(organisation, POPULATION_SHARE.values(), 2000).stream()
                .filter(v -> v.gender() == null || v.gender().equals("total"))
                .forEach(v -> population.merge(v.indicatorId(), v, (a, b) -> a.year() >= b.year() ? a : b));
        List<Group> ageGroups = new ArrayList<>();
        List<String> unheard = new ArrayList<>();
        for (Map.Entry<String, Long> e : byAge.entrySet()) {
            Integer indicator = POPULATION_SHARE.get(e.getKey());
            IndicatorCatalog.OwnValue pop = indicator == null ? null : population.get(indicator);
            ageGroups.add(new Group(
                    e.getKey(),
                    e.getValue(),
                    share(e.getValue(), respondents),
                    pop == null ? null : pop.value(),
                    pop == null ? null : pop.year()));
            if (e.getValue() == 0) {
                unheard.add(e.getKey());
            }
        }
        ageGroups.add(new Group("UNKNOWN", unknownAge, share(unknownAge, respondents), null, null));
        List<Group> areas = jdbc.sql("select coalesce(postal_area, ''), count(*) from consultation_response where"
                        + " organisation_id = ? and consultation_id = ? and status <> 'REMOVED' group by postal_area"
                        + " order by 1")
                .params(organisation.value(), id)
                .query((rs, n) -> {
                    long count = rs.getLong(2);
                    String key = rs.getString(1).isEmpty() ? "UNKNOWN" : rs.getString(1);
                    return new Group(key, count, share(count, respondents), null, null);
                })
                .list();
        return new Summary(
                c,
                respondents,
                held,
                sections,
                questions,
                themes,
                outcomes,
                ageGroups,
                areas,
                unheard,
                loop.progress(organisation, id),
                councils.published(organisation, id).stream()
                        .map(st -> new StatementCount(st, answers.get(st.id())))
                        .toList(),
                feedback(organisation, c));
    }

    private FeedbackCount feedback(OrganisationId organisation, Consultation c) {
        if (c.planId() == null) {
            return new FeedbackCount(0, 0);
        }
        return jdbc.sql("select count(*), count(*) filter (where answer_fi is not null) from measure_feedback where"
                        + " organisation_id = ? and plan_id = ? and status <> 'REMOVED'")
                .params(organisation.value(), c.planId())
                .query((rs, n) -> new FeedbackCount(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private record Tally(UUID question, Integer choice, Integer scale, long count) {}

    private static QuestionCount question(Consultation.Question q, List<Tally> tallies) {
        boolean choice = q.kind().equals("CHOICE");
        boolean scaled = choice || q.kind().equals("SCALE");
        int points = choice ? q.choices().size() : scaled ? 5 : 0;
        long answers = 0;
        long[] counts = new long[points];
        for (Tally t : tallies) {
            if (!t.question().equals(q.id())) {
                continue;
            }
            answers += t.count();
            Integer point = choice ? t.choice() : t.scale();
            if (scaled && point != null && point >= 1 && point <= points) {
                counts[point - 1] += t.count();
            }
        }
        if (!scaled) {
            return new QuestionCount(q, answers, List.of(), null);
        }
        BigDecimal mean = null;
        if (q.kind().equals("SCALE") && answers > 0) {
            long sum = 0;
            for (int i = 0; i < points; i++) {
                sum += (i + 1) * counts[i];
            }
            mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP);
        }
        List<Long> list = new ArrayList<>();
        for (long n : counts) {
            list.add(n);
        }
        return new QuestionCount(q, answers, list, mean);
    }

    private static BigDecimal share(long count, long of) {
        if (of == 0 || (count > 0 && count < SMALL)) {
            return null;
        }
        return BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 0, RoundingMode.HALF_UP);
    }

    private long count(String sql, OrganisationId organisation, UUID consultation) {
        return jdbc.sql(sql)
                .params(organisation.value(), consultation)
                .query(Long.class)
                .single();
    }

    /** The texts for the choices of a question, for a summary's labels. */
    public static List<LocalizedText> labels(Consultation.Question q) {
        if (q.kind().equals("CHOICE")) {
            return q.choices();
        }
        List<LocalizedText> scale = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            scale.add(new LocalizedText(Integer.toString(i), null, null));
        }
        return scale;
    }
}
