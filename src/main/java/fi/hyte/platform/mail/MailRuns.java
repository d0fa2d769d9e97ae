package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic mailings: each person's weekly digest from every module's {@link DigestContent}, and
 * the monthly summary for management from every {@link SummaryContent}. Each is built once per
 * organisation and period: the node that records the run builds it, in the same transaction as its
 * messages, so a second node (or a second start) adds nothing.
 */
@Service
class MailRuns {

    private static final Logger LOG = LoggerFactory.getLogger(MailRuns.class);

    private final JdbcClient jdbc;
    private final OrganisationDirectory organisations;
    private final MailSettings settings;
    private final Outbox outbox;
    private final List<DigestContent> digests;
    private final List<SummaryContent> summaries;
    private final TransactionTemplate transaction;
    private final ZoneId zone;

    MailRuns(
            JdbcClient jdbc,
            OrganisationDirectory organisations,
            MailSettings settings,
            Outbox outbox,
            List<DigestContent> digests,
            List<SummaryContent> summaries,
            PlatformTransactionManager transactions,
            @Value("${hyte.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.settings = settings;
        this.outbox = outbox;
        this.digests = digests;
        this.summaries = summaries;
        this.transaction = new TransactionTemplate(transactions);
        this.zone = zone;
    }

    /** What one run did; {@code alreadyBuilt} when this period's run had been made before. */
    record Outcome(boolean alreadyBuilt, int people, int queued) {}

    @Scheduled(cron = "${hyte.mail.digest-cron}", zone = "${hyte.time-zone}")
    void weekly() {
        LocalDate today = LocalDate.now(Clock.system(zone));
        for (OrganisationDirectory.OrganisationEntry organisation : organisations.all()) {
            try {
                digest(organisation.id(), today);
            } catch (RuntimeException e) {
                LOG.warn("The weekly digest of {} failed", organisation.id(), e);
            }
        }
    }

    @Scheduled(cron = "${hyte.mail.summary-cron}", zone = "${hyte.time-zone}")
    void monthly() {
        LocalDate today = LocalDate.now(Clock.system(zone));
        for (OrganisationDirectory.OrganisationEntry organisation : organisations.all()) {
            try {
                summary(organisation.id(), today);
            } catch (RuntimeException e) {
                LOG.warn("The monthly summary of {} failed", organisation.id(), e);
            }
        }
    }

    static String week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Builds the organisation's digests of the week of {@code today}, unless built already. */
    Outcome digest(OrganisationId organisation, LocalDate today) {
        return transaction.execute(status -> {
            MailSettings.OrganisationMail mail = settings.of(organisation);
            if (!mail.sends(MailKind.DIGEST)) {
                return new Outcome(false, 0, 0);
            }
            Instant since = previousRun(organisation, MailKind.DIGEST)
                    .orElse(Instant.now().minus(7, ChronoUnit.DAYS));
            if (!startRun(organisation, MailKind.DIGEST, week(today))) {
                return new Outcome(true, 0, 0);
            }
            List<DigestContent.Part> parts = new ArrayList<>();
            for (DigestContent content : digests) {
                parts.add(content.prepare(organisation, today, since));
            }
            int people = 0;
            int queued = 0;
            for (MailSettings.Recipient recipient : settings.recipients(organisation)) {
                List<MailSection> sections = new ArrayList<>();
                for (DigestContent.Part part : parts) {
                    sections.addAll(part.of(recipient.id()));
                }
                if (sections.isEmpty()) {
                    continue;
                }
                people++;
                if (outbox.queue(
                                organisation,
                                mail,
                                recipient,
                                MailKind.DIGEST,
                                MailLine.of(
                                        "mail.digest.subject",
                                        null,
                                        String.valueOf(today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                                        String.valueOf(today.get(IsoFields.WEEK_BASED_YEAR))),
                                sections,
                                "/")
                        .isPresent()) {
                    queued++;
                }
            }
            return new Outcome(false, people, queued);
        });
    }

    /** Builds the organisation's monthly summary to the people it names, unless built already. */
    Outcome summary(OrganisationId organisation, LocalDate today) {
        return transaction.execute(status -> {
            MailSettings.OrganisationMail mail = settings.of(organisation);
            List<UserId> named = settings.managementRecipients(organisation);
            if (!mail.sends(MailKind.MONTHLY_SUMMARY) || named.isEmpty()) {
                return new Outcome(false, 0, 0);
            }
            String month = today.toString().substring(0, 7);
            if (!startRun(organisation, MailKind.MONTHLY_SUMMARY, month)) {
                return new Outcome(true, 0, 0);
            }
            List<MailSection> sections = new ArrayList<>();
            for (SummaryContent content : summaries) {
                sections.addAll(content.summary(organisation, today));
            }
            if (sections.isEmpty()) {
                return new Outcome(false, 0, 0);
            }
            Set<UserId> wanted = new HashSet<>(named);
            int people = 0;
            int queued = 0;
            for (MailSettings.Recipient recipient : settings.recipients(organisation)) {
                if (!wanted.contains(recipient.id())) {
                    continue;
                }
                people++;
                if (outbox.queue(
                                organisation,
                                mail,
                                recipient,
                                MailKind.MONTHLY_SUMMARY,
                                MailLine.of("mail.summary.subject", null, month),
                                sections,
                                "/")
                        .isPresent()) {
                    queued++;
                }
            }
            return new Outcome(false, people, queued);
        });
    }

    private java.util.Optional<Instant> previousRun(OrganisationId organisation, MailKind kind) {
        return jdbc.sql("select created_at from mail_run where organisation_id = ? and kind = ?"
                        + " order by created_at desc limit 1")
                .params(organisation.value(), kind.name())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    private boolean startRun(OrganisationId organisation, MailKind kind, String period) {
        return jdbc.sql("insert into mail_run (organisation_id, kind, period) values (?, ?, ?) on conflict do nothing")
                        .params(organisation.value(), kind.name(), period)
                        .update()
                == 1;
    }
}
