package fi.hyte.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.Person;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import fi.hyte.platform.mail.MailBenchAccess;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The weekly digest of an organisation of many people (default 2,000, with a plan of 500 measures
 * and an open maturity round) built and sent to GreenMail in the same JVM. Baselines in the same
 * run: one reading of the plan's reminders (what the reminders page computes once), and plain
 * {@code JavaMailSender} sends of a message of the same size without the outbox. Prints medians.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=fi.hyte.bench.MailBenchmark
 * -Dexec.classpathScope=test} (people: {@code -Dhyte.bench.people=1000}).
 */
public final class MailBenchmark {

    static final int PEOPLE = Integer.getInteger("hyte.bench.people", 2000);
    static final int MEASURES = Integer.getInteger("hyte.bench.measures", 500);
    static final int GOALS = 50;
    static final int RESPONDENTS = 300;
    static final int ROUNDS = 3;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private MailBenchmark() {}

    public static void main(String[] args) throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (BenchHyte hyte = BenchHyte.start(
                "mail",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtpPort,
                "hyte.mail.poll=1h",
                "hyte.mail.digest-cron=-",
                "hyte.mail.summary-cron=-")) {
            run(hyte.app(), smtp);
        } finally {
            smtp.stop();
        }
    }

    private static void run(ConfigurableApplicationContext app, GreenMail smtp) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long setup = System.nanoTime();
        Fixtures.Org org = app.getBean(Fixtures.class).organisation("postipenkki");
        Tenant coordinator = org.tenant();
        Users users = app.getBean(Users.class);
        OrganisationStructure structure = app.getBean(OrganisationStructure.class);
        List<UUID> sectors = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            sectors.add(app.getBean(Fixtures.class).sector(org, "Toimiala " + (s + 1)));
        }
        List<UUID> people = new ArrayList<>();
        List<UserId> accounts = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            // A stored hash that matches no password: these people never sign in here.
            UserId user = users.insert(
                    "postipenkki-" + i,
                    "Henkilö " + i,
                    "henkilo" + i + "@postipenkki.example",
                    "{noop}-",
                    false,
                    false);
            users.grant(user, org.id(), Role.EDITOR);
            accounts.add(user);
            people.add(structure.savePerson(
                    coordinator,
                    new Person(
                            null,
                            "Henkilö " + i,
                            null,
                            sectors.get(i % sectors.size()),
                            Affiliation.STAFF,
                            null,
                            null,
                            null,
                            false,
                            user.value(),
                            0)));
        }
        PlanEditing editing = app.getBean(PlanEditing.class);
        Plan plan = editing.createPlan(
                coordinator,
                new Plan(
                        null,
                        LocalizedText.of("Hyvinvointisuunnitelma 2025–2029", null),
                        2025,
                        2029,
                        null,
                        null,
                        false,
                        0));
        UUID line = editing.saveLine(
                coordinator,
                new PolicyLine(
                        null,
                        plan.id(),
                        0,
                        0,
                        LocalizedText.of("Linjaus", null),
                        LocalizedText.of(null, null),
                        null,
                        0));
        List<UUID> goals = new ArrayList<>();
        for (int g = 0; g < GOALS; g++) {
            goals.add(editing.saveGoal(
                    coordinator,
                    new Goal(
                            null,
                            null,
                            line,
                            0,
                            0,
                            LocalizedText.of("Tavoite " + (g + 1), "Mål " + (g + 1)),
                            LocalizedText.of(null, null),
                            List.of(),
                            List.of(),
                            null,
                            people.get(g),
                            null,
                            0,
                            null,
                            null)));
        }
        for (int m = 0; m < MEASURES; m++) {
            editing.saveMeasure(
                    coordinator,
                    new Measure(
                            null,
                            null,
                            goals.get(m % GOALS),
                            0,
                            0,
                            LocalizedText.of(
                                    "Toimenpide " + (m + 1) + " lasten ja nuorten liikkumisen lisäämiseksi", null),
                            LocalizedText.of(null, null),
                            sectors.get(m % sectors.size()),
                            people.get((m * 7) % PEOPLE),
                            List.of(),
                            null,
                            LocalDate.of(2025, 1, 1),
                            m % 2 == 0 ? LocalDate.of(2026, 6, 30) : LocalDate.of(2028, 12, 31),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            false,
                            MeasureStatus.ONGOING,
                            30,
                            0,
                            null,
                            null));
        }
        List<Assessments.Invitee> invitees = new ArrayList<>();
        for (int i = 0; i < RESPONDENTS; i++) {
            invitees.add(new Assessments.Invitee(
                    "Henkilö " + i, accounts.get(PEOPLE - 1 - i).value()));
        }
        app.getBean(Assessments.class)
                .open(
                        coordinator,
                        MaturityModels.PROMEQ,
                        "Kypsyysarvio 2026",
                        TODAY,
                        TODAY.plusDays(21),
                        false,
                        invitees);
        int notices = jdbc.sql("select count(*) from mail_outbox")
                .query(Integer.class)
                .single();
        System.out.printf(
                "Set up %d people, %d goals, %d measures, a round of %d respondents (%d notices queued) in %.1f s%n",
                PEOPLE, GOALS, MEASURES, RESPONDENTS, notices, (System.nanoTime() - setup) / 1e9);

        // Baseline: the plan's reminders read once, as the reminders page does.
        PlanReading reading = app.getBean(PlanReading.class);
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            PlanSnapshot snapshot = reading.snapshot(org.id(), plan.id());
            reading.reminders(reading.progress(org.id(), snapshot, TODAY), TODAY);
            baseline.add((System.nanoTime() - start) / 1e6);
        }

        // The digests, built ROUNDS times (each time as if for the first time this week).
        List<Double> builds = new ArrayList<>();
        int queued = 0;
        double peak = 0;
        double before = 0;
        for (int round = 0; round < ROUNDS; round++) {
            jdbc.sql("delete from mail_run").update();
            jdbc.sql("delete from mail_outbox where kind = 'DIGEST'").update();
            HeapSampler heap = HeapSampler.start(20);
            long start = System.nanoTime();
            queued = MailBenchAccess.digest(app, org.id(), TODAY);
            builds.add((System.nanoTime() - start) / 1e6);
            heap.stop();
            peak = Math.max(peak, heap.peakMb());
            before = heap.beforeMb();
        }
        int textBytes = jdbc.sql("select avg(length(text_body) + length(html_body))::int from mail_outbox"
                        + " where kind = 'DIGEST'")
                .query(Integer.class)
                .single();

        double baselineMedian = median(baseline);
        double buildMedian = median(builds);
        System.out.printf("Reminders read once (baseline): median %.1f ms of 20%n", baselineMedian);
        System.out.printf(
                "Digests built: %d queued of %d people, median %.0f ms of %d (each: %s ms), %.1f× the baseline,"
                        + " heap %.0f MB before, peak %.0f MB; %d bytes text+HTML per digest on average%n",
                queued, PEOPLE, buildMedian, ROUNDS, builds, buildMedian / baselineMedian, before, peak, textBytes);

        // Baseline for sending: plain sends of the same size, before and after the outbox's.
        JavaMailSender sender = app.getBean(JavaMailSender.class);
        String[] sample = jdbc.sql("select text_body, html_body from mail_outbox where kind = 'DIGEST' limit 1")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        int total = jdbc.sql("select count(*) from mail_outbox where status = 'QUEUED'")
                .query(Integer.class)
                .single();
        int rawCount = Math.min(total, 300);
        double rawBefore = plain(sender, sample, rawCount, "raaka");
        System.out.printf("Plain JavaMailSender before: %d at %.0f messages/s%n", rawCount, rawBefore);

        long sendStart = System.nanoTime();
        int sent = MailBenchAccess.sendDue(app);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        int received = smtp.getReceivedMessagesForDomain("postipenkki.example").length;

        System.out.printf(
                "Sent through the outbox: %d in %.1f s = %.0f messages/s (GreenMail received %d)%n",
                sent, sendSeconds, sent / sendSeconds, received);
        double rawAfter = plain(sender, sample, rawCount, "jalkeen");
        System.out.printf(
                "Plain JavaMailSender after: %d at %.0f messages/s; outbox / mean of plain: %.2f%n",
                rawCount, rawAfter, (sent / sendSeconds) / ((rawBefore + rawAfter) / 2));
    }

    /**
     * Messages of the digest's size straight to SMTP, 20 per connection as the outbox sends them,
     * without the outbox (no claim, no rendering, no status update); messages per second.
     */
    static double plain(JavaMailSender sender, String[] sample, int count, String domain) {
        long start = System.nanoTime();
        List<MimeMessage> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom("hyte@localhost");
                helper.setTo("raaka" + i + "@" + domain + ".example");
                helper.setSubject("Hyte: viikkokooste");
                helper.setText(sample[0], sample[1]);
                batch.add(message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
            if (batch.size() == 20 || i == count - 1) {
                sender.send(batch.toArray(MimeMessage[]::new));
                batch.clear();
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
