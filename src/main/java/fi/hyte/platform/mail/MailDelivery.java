package fi.hyte.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages over SMTP. Each round claims a batch with {@code FOR UPDATE SKIP LOCKED} and
 * keeps the rows locked until each one's outcome is written, so another node's round skips them and
 * no message is sent twice. A failure is retried with a doubling pause; after the last attempt the
 * message is given up with its error kept. Without an SMTP server ({@code spring.mail.host}) nothing
 * is sent and every message waits in the outbox, where administrators see what would have been sent.
 */
@Component
class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final TransactionTemplate transaction;

    MailDelivery(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> sender,
            MailProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether an SMTP server is configured. */
    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${hyte.mail.poll}", initialDelayString = "${hyte.mail.poll}")
    void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Sending mail failed; the messages stay queued", e);
        }
    }

    /** Sends what is due, a batch at a time; the number of messages sent. */
    int sendDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Round round = transaction.execute(status -> round(mail));
            sent += round.sent();
            if (round.claimed() < properties.batch()) {
                return sent;
            }
        }
    }

    /** A resident's address is kept only until its one message is sent or given up. */
    private static final String FORGET_RESIDENT =
            "recipient_address = case when recipient_id is null then '' else recipient_address end";

    private record Round(int claimed, int sent) {}

    private record Due(
            UUID id,
            String recipientAddress,
            String senderAddress,
            String senderName,
            String subject,
            String textBody,
            String htmlBody,
            String unsubscribeUrl,
            int attempts) {}

    private Round round(JavaMailSender mail) {
        List<Due> due = jdbc.sql("select id, recipient_address, sender_address, sender_name, subject, text_body,"
                        + " html_body, unsubscribe_url, attempts from mail_outbox where status = 'QUEUED'"
                        + " and next_attempt_at <= now() order by next_attempt_at, created_at limit ?"
                        + " for update skip locked")
                .param(properties.batch())
                .query(Due.class)
                .list();
        // One SMTP connection for the batch; the sender reports which messages failed and why.
        Map<MimeMessage, Due> built = new LinkedHashMap<>();
        for (Due message : due) {
            try {
                built.put(mime(mail, message), message);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                failed(message, e);
            }
        }
        Map<Object, Exception> failures = new HashMap<>();
        if (!built.isEmpty()) {
            try {
                mail.send(built.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                failures.putAll(e.getFailedMessages());
                if (failures.isEmpty()) {
                    built.keySet().forEach(m -> failures.put(m, e));
                }
            } catch (RuntimeException e) {
                built.keySet().forEach(m -> failures.put(m, e));
            }
        }
        List<UUID> sent = new ArrayList<>();
        for (Map.Entry<MimeMessage, Due> message : built.entrySet()) {
            Exception failure = failures.get(message.getKey());
            if (failure != null) {
                failed(message.getValue(), failure);
            } else {
                sent.add(message.getValue().id());
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("update mail_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1,"
                            + " last_error = null, " + FORGET_RESIDENT + " where id = any(?)")
                    .param(sent.toArray(UUID[]::new))
                    .update();
        }
        return new Round(due.size(), sent.size());
    }

    private void failed(Due message, Exception e) {
        int attempts = message.attempts() + 1;
        String error = describe(e);
        if (attempts >= properties.maxAttempts() || e instanceof MailAddresses.UnsafeHeaderException) {
            LOG.warn("Mail {} given up after {} attempts: {}", message.id(), attempts, error);
            jdbc.sql("update mail_outbox set status = 'FAILED', attempts = ?, last_error = ?, " + FORGET_RESIDENT
                            + " where id = ?")
                    .params(attempts, error, message.id())
                    .update();
        } else {
            Instant next = Instant.now().plus(properties.pauseAfter(attempts));
            LOG.info("Mail {} failed (attempt {}), next try at {}: {}", message.id(), attempts, next, error);
            jdbc.sql("update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                    .params(attempts, error, Timestamp.from(next), message.id())
                    .update();
        }
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        Throwable t = e;
        while (t != null && text.length() < 1000) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }

    private MimeMessage mime(JavaMailSender mail, Due message) throws MessagingException, UnsupportedEncodingException {
        String from = message.senderAddress() != null ? message.senderAddress() : properties.from();
        if (!MailAddresses.valid(from)) {
            throw new IllegalStateException("Invalid sender address");
        }
        if (!MailAddresses.valid(message.recipientAddress())) {
            throw new MailAddresses.UnsafeHeaderException("recipient address");
        }
        MailAddresses.requireSafe("subject", message.subject());
        MimeMessage mime = mail instanceof JavaMailSenderImpl impl
                ? new IdentifiedMessage(impl.getSession(), "<" + message.id() + "@hyte>")
                : mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        if (message.senderName() != null && !message.senderName().isBlank()) {
            helper.setFrom(
                    new InternetAddress(from, MailAddresses.requireSafe("sender name", message.senderName()), "UTF-8"));
        } else {
            helper.setFrom(from);
        }
        helper.setTo(message.recipientAddress());
        helper.setSubject(message.subject());
        helper.setText(message.textBody(), message.htmlBody());
        // RFC 8058: the address a mail client POSTs "List-Unsubscribe=One-Click" to, without signing in.
        // A resident's one-off message has none: there is nothing to unsubscribe from.
        if (!message.unsubscribeUrl().isEmpty()) {
            mime.setHeader(
                    "List-Unsubscribe", "<" + MailAddresses.requireSafe("unsubscribe", message.unsubscribeUrl()) + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.setHeader("Auto-Submitted", "auto-generated");
        return mime;
    }

    /** A message whose Message-ID is the outbox row's, so that a receiver can tell a resend. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
