package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a module puts a message: written in the caller's transaction (there must be one), so that
 * a change that is rolled back, such as a save refused as a concurrent change, mails nobody. The
 * message is rendered at once in the recipient's language; the scheduler sends it later. Nothing
 * is queued when the organisation has turned the kind off, the person has unsubscribed from it, or
 * has no valid address.
 */
@Service
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final MailSettings settings;
    private final MailRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final MailProperties properties;

    Outbox(
            JdbcClient jdbc,
            MailSettings settings,
            MailRenderer renderer,
            UnsubscribeTokens tokens,
            MailProperties properties) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.renderer = renderer;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** Queues a notice to one person; the id of the queued message, or empty when none is sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> queue(Notice notice) {
        MailSettings.OrganisationMail organisation = settings.of(notice.organisation());
        if (!organisation.sends(notice.kind())) {
            return Optional.empty();
        }
        return settings.recipient(notice.organisation(), notice.recipient())
                .flatMap(r -> queue(
                        notice.organisation(),
                        organisation,
                        r,
                        notice.kind(),
                        notice.subject(),
                        List.of(new MailSection(null, notice.lines())),
                        notice.path()));
    }

    /**
     * Queues one message to a resident's address; the id of the queued message, or empty when the
     * organisation does not send the kind or the address is not one plain mailbox.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> queue(ResidentNotice notice) {
        MailSettings.OrganisationMail organisation = settings.of(notice.organisation());
        if (!organisation.sends(notice.kind()) || !MailAddresses.valid(notice.address())) {
            return Optional.empty();
        }
        String language = notice.language() != null && List.of("fi", "sv", "en").contains(notice.language())
                ? notice.language()
                : "fi";
        MailRenderer.Rendered message = renderer.render(
                notice.organisation(),
                notice.kind(),
                language,
                null,
                notice.subject(),
                List.of(new MailSection(null, notice.lines())),
                notice.path(),
                "");
        return Optional.of(store(
                notice.organisation(), organisation, null, notice.address(), language, notice.kind(), message, ""));
    }

    /** Renders and stores one message; used for notices, digests and summaries alike. */
    Optional<UUID> queue(
            OrganisationId organisationId,
            MailSettings.OrganisationMail organisation,
            MailSettings.Recipient recipient,
            MailKind kind,
            MailLine subject,
            List<MailSection> sections,
            String path) {
        if (!recipient.wants(kind) || !MailAddresses.valid(recipient.email())) {
            return Optional.empty();
        }
        String unsubscribe = properties.link("/mail/unsubscribe?token="
                + tokens.issue(organisationId, recipient.id(), kind) + "&lang=" + recipient.language());
        MailRenderer.Rendered message = renderer.render(
                organisationId, kind, recipient.language(), recipient.name(), subject, sections, path, unsubscribe);
        return Optional.of(store(
                organisationId,
                organisation,
                recipient.id().value(),
                recipient.email(),
                recipient.language(),
                kind,
                message,
                unsubscribe));
    }

    private UUID store(
            OrganisationId organisationId,
            MailSettings.OrganisationMail organisation,
            UUID recipientId,
            String address,
            String language,
            MailKind kind,
            MailRenderer.Rendered message,
            String unsubscribe) {
        UUID id = UUID.randomUUID();
        // A subject made of a title someone typed with a line break is kept, failed, for the
        // administrators to see: it is never sent, and the change that caused it still stands.
        boolean safe = MailAddresses.safeHeader(message.subject());
        if (!safe) {
            LOG.warn("Mail {} of kind {} refused: its subject has a line break", id, kind);
        }
        jdbc.sql("insert into mail_outbox (id, organisation_id, kind, recipient_id, recipient_address, language,"
                        + " sender_address, sender_name, subject, text_body, html_body, unsubscribe_url, status,"
                        + " last_error, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organisationId.value(),
                        kind.name(),
                        recipientId,
                        address,
                        language,
                        organisation.senderAddress(),
                        organisation.senderName(),
                        message.subject(),
                        message.text(),
                        message.html(),
                        unsubscribe,
                        safe ? "QUEUED" : "FAILED",
                        safe ? null : "The subject contains a line break or a control character",
                        Timestamp.from(Instant.now()))
                .update();
        return id;
    }
}
