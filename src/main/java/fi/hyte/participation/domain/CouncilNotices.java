package fi.hyte.participation.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.CouncilSummary;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import fi.hyte.platform.mail.MailKind;
import fi.hyte.platform.mail.MailLine;
import fi.hyte.platform.mail.Notice;
import fi.hyte.platform.mail.Outbox;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to the secretaries of the councils a published consultation invites: an invitation once, and
 * while no statement is recorded a reminder {@code reminder-days} (7) before the deadline and one on
 * the day. Each sent notice is a row in {@code council_notice} keyed by statement, person and step;
 * the node whose insert succeeds queues the message in the same transaction, so several nodes, a
 * restart or a second run never send one twice. A council without a secretary with an account gets
 * no mail (the coordinator's page still shows the reminder).
 */
@Component
public class CouncilNotices {

    private static final Logger LOG = LoggerFactory.getLogger(CouncilNotices.class);

    private final JdbcClient jdbc;
    private final Consultations consultations;
    private final CouncilStatements statements;
    private final OrganisationCatalog organisations;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final ZoneId zone;
    private final int reminderDays;

    CouncilNotices(
            JdbcClient jdbc,
            Consultations consultations,
            CouncilStatements statements,
            OrganisationCatalog organisations,
            Outbox outbox,
            PlatformTransactionManager transactions,
            @Value("${hyte.time-zone}") String zone,
            @Value("${hyte.participation.council-reminder-days:7}") int reminderDays) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.statements = statements;
        this.organisations = organisations;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.zone = ZoneId.of(zone);
        this.reminderDays = reminderDays;
    }

    @Scheduled(cron = "${hyte.participation.council-notice-cron:0 */15 * * * *}", zone = "${hyte.time-zone}")
    void scheduled() {
        int sent = run(LocalDate.now(zone));
        if (sent > 0) {
            LOG.info("Council notices queued: {}", sent);
        }
    }

    /** Sends what is due as of {@code today} for every organisation; how many messages were queued. */
    public int run(LocalDate today) {
        List<Object[]> due = jdbc.sql("select organisation_id, id from consultation where published and concluded_at is"
                        + " null and cardinality(invited_bodies) > 0")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        int sent = 0;
        for (Object[] row : due) {
            OrganisationId organisation = new OrganisationId((UUID) row[0]);
            UUID consultation = (UUID) row[1];
            Integer queued = transaction.execute(status -> run(organisation, consultation, today));
            sent += queued == null ? 0 : queued;
        }
        return sent;
    }

    /** One consultation's due notices, in one transaction. */
    int run(OrganisationId organisation, UUID id, LocalDate today) {
        Consultation c = consultations.find(organisation, id).orElse(null);
        if (c == null || !c.published()) {
            return 0;
        }
        int sent = 0;
        for (CouncilSummary council : organisations.councils(organisation)) {
            if (!c.invitedBodies().contains(council.id())
                    || council.secretaryUsers().isEmpty()) {
                continue;
            }
            CouncilStatements.Statement s =
                    statements.ensure(organisation, id, council).orElseThrow();
            if (!s.state().equals("INVITED")) {
                continue;
            }
            LocalDate deadline = s.deadline();
            boolean dayOf = deadline != null && deadline.equals(today);
            boolean daysBefore = deadline != null
                    && today.isBefore(deadline)
                    && !today.plusDays(reminderDays).isBefore(deadline);
            String path = "/participation/consultations/" + id + "/councils";
            for (UUID user : council.secretaryUsers()) {
                if (claim(organisation, s.id(), user, "INVITED")) {
                    // The invitation names the deadline, so a reminder already due is not sent as well.
                    if (daysBefore) {
                        claim(organisation, s.id(), user, "DAYS_BEFORE");
                    }
                    if (dayOf) {
                        claim(organisation, s.id(), user, "DAY_OF");
                    }
                    sent += queue(organisation, user, MailKind.STATEMENT_REQUESTED, c, council, deadline, path, null);
                } else if (dayOf && claim(organisation, s.id(), user, "DAY_OF")) {
                    sent += queue(organisation, user, MailKind.STATEMENT_REMINDER, c, council, deadline, path, 0L);
                } else if (daysBefore && claim(organisation, s.id(), user, "DAYS_BEFORE")) {
                    long days = java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
                    sent += queue(organisation, user, MailKind.STATEMENT_REMINDER, c, council, deadline, path, days);
                }
            }
        }
        return sent;
    }

    private boolean claim(OrganisationId organisation, UUID statement, UUID user, String step) {
        return jdbc.sql("insert into council_notice (organisation_id, statement_id, user_id, step) values (?, ?, ?, ?)"
                                + " on conflict do nothing")
                        .params(organisation.value(), statement, user, step)
                        .update()
                == 1;
    }

    private int queue(
            OrganisationId organisation,
            UUID user,
            MailKind kind,
            Consultation c,
            CouncilSummary council,
            LocalDate deadline,
            String path,
            Long daysLeft) {
        MailLine subject;
        MailLine line;
        if (kind == MailKind.STATEMENT_REQUESTED) {
            subject = MailLine.of("participation.councilMail.invited.subject", null, council.name(), c.title());
            line = deadline == null
                    ? MailLine.of("participation.councilMail.invited.noDeadline", path, council.name(), c.title())
                    : MailLine.of("participation.councilMail.invited", path, council.name(), c.title(), deadline);
        } else {
            subject = MailLine.of("participation.councilMail.reminder.subject", null, council.name(), deadline);
            line = daysLeft == 0
                    ? MailLine.of("participation.councilMail.reminder.today", path, council.name(), c.title())
                    : MailLine.of(
                            "participation.councilMail.reminder", path, council.name(), c.title(), deadline, daysLeft);
        }
        return outbox.queue(new Notice(organisation, new UserId(user), kind, subject, List.of(line), path))
                        .isPresent()
                ? 1
                : 0;
    }
}
