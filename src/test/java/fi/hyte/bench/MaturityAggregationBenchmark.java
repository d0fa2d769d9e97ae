package fi.hyte.bench;

import static fi.hyte.bench.BenchHyte.percentile;
import static fi.hyte.bench.BenchHyte.time;

import fi.hyte.maturity.domain.Answer;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.Participant;
import fi.hyte.maturity.domain.Results;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.support.Fixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregating a round of 500 respondents (5 criteria each) into its results, against a baseline in
 * the same run: counting the same answers with one plain SQL query. Prints medians and p95s.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=fi.hyte.bench.MaturityAggregationBenchmark
 * -Dexec.classpathScope=test}
 */
public final class MaturityAggregationBenchmark {

    static final int RESPONDENTS = 500;
    static final int WARMUP = 100;
    static final int MEASURED = 300;

    private MaturityAggregationBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchHyte hyte = BenchHyte.start("maturity")) {
            ConfigurableApplicationContext app = hyte.app();
            Fixtures.Org org = app.getBean(Fixtures.class).organisation("bench");
            Assessments assessments = app.getBean(Assessments.class);
            Rounds rounds = app.getBean(Rounds.class);
            Results results = app.getBean(Results.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            List<Assessments.Invitee> invitees = new ArrayList<>();
            for (int i = 0; i < RESPONDENTS; i++) {
                invitees.add(new Assessments.Invitee("Vastaaja " + i, null));
            }
            UUID round = assessments.open(
                    org.tenant(), MaturityModels.PROMEQ, "Suuri kierros", LocalDate.now(), null, true, invitees);
            Random random = new Random(42);
            List<String> criteria = List.of("strategy", "collaboration", "goals", "concept", "inequality");
            for (Participant participant : rounds.participants(org.id(), round)) {
                for (String criterion : criteria) {
                    rounds.saveAnswer(
                            org.id(),
                            new Answer(participant.id(), criterion, 1 + random.nextInt(4), "Perustelu", null));
                }
                rounds.markSubmitted(org.id(), participant.id(), true, 0);
            }
            jdbc.sql("analyze").update();

            double[] aggregate = time(WARMUP, MEASURED, () -> results.of(org.id(), round));
            double[] baseline = time(
                    WARMUP,
                    MEASURED,
                    () -> jdbc.sql("select count(*) from maturity_answer a join maturity_participant p"
                                    + " on p.id = a.participant_id where p.organisation_id = ? and p.round_id = ?")
                            .params(org.id().value(), round)
                            .query(Long.class)
                            .single());
            System.out.printf(
                    "RESULT maturity_aggregate_500 median_ms=%.2f p95_ms=%.2f baseline_count_median_ms=%.2f ratio=%.1f%n",
                    percentile(aggregate, 50),
                    percentile(aggregate, 95),
                    percentile(baseline, 50),
                    percentile(aggregate, 50) / percentile(baseline, 50));
        }
    }
}
