package fi.hyte.participation.domain;

import fi.hyte.platform.OrganisationId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the participation module keeps, and for how long (GDPR): client hashes 48 hours (and the
 * day keys that made them two days), e-mail addresses until used or 12 months, the text of removed
 * answers (and residents' own text under a moderator's edit) 12 months after the consultation
 * closed. Run every hour on every node; each step is an idempotent update, so nodes may overlap.
 */
@Component
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final FormTokens tokens;
    private final ZoneId zone;
    private final int clientHashHours;
    private final int emailMonths;
    private final int removedTextMonths;

    Retention(
            JdbcClient jdbc,
            FormTokens tokens,
            @Value("${hyte.time-zone}") String zone,
            @Value("${hyte.participation.client-hash-hours:48}") int clientHashHours,
            @Value("${hyte.participation.email-months:12}") int emailMonths,
            @Value("${hyte.participation.removed-text-months:12}") int removedTextMonths) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.zone = ZoneId.of(zone);
        this.clientHashHours = clientHashHours;
        this.emailMonths = emailMonths;
        this.removedTextMonths = removedTextMonths;
    }

    @Scheduled(cron = "${hyte.participation.purge-cron:0 7 * * * *}", zone = "${hyte.time-zone}")
    void hourly() {
        Purged purged = purge(Instant.now());
        if (purged.total() > 0) {
            LOG.info("Participation retention: {}", purged);
        }
    }

    /** What one run removed. */
    public record Purged(int clientHashes, int dayKeys, int emails, int removedTexts) {

        int total() {
            return clientHashes + dayKeys + emails + removedTexts;
        }
    }

    /** Removes what is older than its retention, as of {@code now}. */
    @Transactional
    public Purged purge(Instant now) {
        Timestamp hashes = Timestamp.from(now.minusSeconds(clientHashHours * 3600L));
        int clientHashes = 0;
        for (String table : List.of("consultation_response", "measure_feedback")) {
            clientHashes += jdbc.sql("update " + table + " set client_hash = null where client_hash is not null and"
                            + " submitted_at < ?")
                    .param(hashes)
                    .update();
        }
        clientHashes += jdbc.sql(
                        "update consultation_flag set client_hash = null where client_hash is not null and created_at < ?")
                .param(hashes)
                .update();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate oldestKept = today.minusDays(Math.max(1, (clientHashHours + 23) / 24));
        int dayKeys = jdbc.sql("delete from participation_key where name like 'client-%' and name < ?")
                .param("client-" + oldestKept)
                .update();
        tokens.forgetDayKeysBefore(oldestKept);
        Timestamp emails = Timestamp.from(
                ZonedDateTime.ofInstant(now, zone).minusMonths(emailMonths).toInstant());
        int mails = jdbc.sql("delete from consultation_email where created_at < ?")
                .param(emails)
                .update();
        Timestamp concluded = Timestamp.from(ZonedDateTime.ofInstant(now, zone)
                .minusMonths(removedTextMonths)
                .toInstant());
        int texts = jdbc.sql("update consultation_answer a set text = case when r.status = 'REMOVED' then null else"
                        + " a.text end, original_text = null from consultation_response r, consultation c where r.id ="
                        + " a.response_id and c.id = r.consultation_id and c.closes_at < ? and (r.status = 'REMOVED' or"
                        + " a.original_text is not null) and (a.text is not null or a.original_text is not null)"
                        + " and (r.status = 'REMOVED' or a.original_text is not null)")
                .param(concluded)
                .update();
        jdbc.sql("update consultation_response r set text_purged_at = ? from consultation c where c.id ="
                        + " r.consultation_id and c.closes_at < ? and (r.status = 'REMOVED' or r.edited) and"
                        + " r.text_purged_at is null")
                .params(Timestamp.from(now), concluded)
                .update();
        texts += jdbc.sql("update measure_feedback set text = null where status = 'REMOVED' and text is not null and"
                        + " moderated_at < ?")
                .param(concluded)
                .update();
        return new Purged(clientHashes, dayKeys, mails, texts);
    }

    /** An address a resident left, with the language of the page they answered on. */
    public record Address(String email, String language) {}

    /**
     * The addresses of those who asked to hear when a consultation's results are out, deleted as
     * they are handed over (in the caller's transaction, so a rolled-back use keeps them): an address
     * is used once.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Address> useAddresses(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("delete from consultation_email e using consultation_response r where r.id = e.response_id and"
                        + " e.organisation_id = ? and r.consultation_id = ? returning e.email, e.language")
                .params(organisation.value(), consultation)
                .query((rs, i) -> new Address(rs.getString(1), rs.getString(2)))
                .list();
    }
}
