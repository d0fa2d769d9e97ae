package fi.hyte.platform.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mail is sent (the SMTP server itself is Spring's {@code spring.mail.*}).
 *
 * @param baseUrl Hyte's public address, for links in messages
 * @param from the sender address of organisations that have not set their own
 * @param poll how often due messages are looked for
 * @param batch how many messages one claim takes (and locks) at a time
 * @param maxAttempts after this many failed attempts a message is given up, with its last error kept
 * @param firstRetry the pause after the first failure; it doubles with each further one
 * @param maxRetry the longest pause between attempts
 */
@ConfigurationProperties("hyte.mail")
public record MailProperties(
        String baseUrl,
        String from,
        Duration poll,
        int batch,
        int maxAttempts,
        Duration firstRetry,
        Duration maxRetry,
        String digestCron,
        String summaryCron) {

    /** The pause before the attempt after {@code failures} failed ones. */
    Duration pauseAfter(int failures) {
        long factor = 1L << Math.min(20, Math.max(0, failures - 1));
        Duration pause = firstRetry.multipliedBy(factor);
        return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }

    String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
