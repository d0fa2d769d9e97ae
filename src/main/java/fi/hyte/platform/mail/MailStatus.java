package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What administrators see of their own organisation's outbox; every query is scoped to it. */
@Repository
class MailStatus {

    private final JdbcClient jdbc;

    MailStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queued, sent and failed messages of one kind. */
    record Counts(MailKind kind, long queued, long sent, long failed) {}

    /** A message as listed. */
    record Listed(
            UUID id,
            MailKind kind,
            String recipientAddress,
            String subject,
            String status,
            int attempts,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            OffsetDateTime nextAttemptAt) {}

    /** A message with its rendered parts. */
    record Shown(Listed message, String textBody, String htmlBody, String unsubscribeUrl) {}

    List<Counts> counts(OrganisationId organisation) {
        Map<MailKind, long[]> counts = new EnumMap<>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            counts.put(kind, new long[3]);
        }
        jdbc.sql("select kind, status, count(*) from mail_outbox where organisation_id = ? group by kind, status")
                .param(organisation.value())
                .query(rs -> {
                    long[] of = counts.get(MailKind.valueOf(rs.getString(1)));
                    int slot = switch (rs.getString(2)) {
                        case "QUEUED" -> 0;
                        case "SENT" -> 1;
                        default -> 2;
                    };
                    of[slot] = rs.getLong(3);
                });
        return counts.entrySet().stream()
                .map(e -> new Counts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    private static final String LISTED = "select id, kind,"
            // A resident's address is used once and shown to no one on staff.
            + " case when recipient_id is null then '' else recipient_address end as recipient_address, subject, status, attempts, last_error,"
            + " created_at, sent_at, next_attempt_at from mail_outbox where organisation_id = ?";

    List<Listed> recent(OrganisationId organisation, int limit) {
        return jdbc.sql(LISTED + " order by created_at desc, id limit ?")
                .params(organisation.value(), limit)
                .query(Listed.class)
                .list();
    }

    List<Listed> lastErrors(OrganisationId organisation, int limit) {
        return jdbc.sql(LISTED + " and last_error is not null order by created_at desc, id limit ?")
                .params(organisation.value(), limit)
                .query(Listed.class)
                .list();
    }

    Optional<Shown> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(LISTED.replace(" from mail_outbox", ", text_body, html_body, unsubscribe_url from mail_outbox")
                        + " and id = ?")
                .params(organisation.value(), id)
                .query((rs, i) -> new Shown(
                        new Listed(
                                rs.getObject("id", UUID.class),
                                MailKind.valueOf(rs.getString("kind")),
                                rs.getString("recipient_address"),
                                rs.getString("subject"),
                                rs.getString("status"),
                                rs.getInt("attempts"),
                                rs.getString("last_error"),
                                rs.getObject("created_at", OffsetDateTime.class),
                                rs.getObject("sent_at", OffsetDateTime.class),
                                rs.getObject("next_attempt_at", OffsetDateTime.class)),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        rs.getString("unsubscribe_url")))
                .optional();
    }
}
