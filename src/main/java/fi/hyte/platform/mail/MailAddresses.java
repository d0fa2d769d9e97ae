package fi.hyte.platform.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * The checks every address and header text passes before it is queued or sent: an address must be
 * one plain mailbox (no display name, no list, no group), and no header text may carry a line break
 * or another control character, so that nothing typed into Hyte can add a header or a recipient.
 */
final class MailAddresses {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final Pattern MAILBOX =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$");

    private MailAddresses() {}

    /** Whether the text is one plain, well-formed mailbox such as {@code name@example.fi}. */
    static boolean valid(String address) {
        if (address == null || address.isBlank() || address.length() > 254 || !safeHeader(address)) {
            return false;
        }
        if (!MAILBOX.matcher(address).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    /** Whether the text may go into a header: no CR, LF or other control characters. */
    static boolean safeHeader(String text) {
        return text != null && !CONTROL.matcher(text).find();
    }

    /** Refuses a header text with a line break or other control character. */
    static String requireSafe(String header, String text) {
        if (!safeHeader(text)) {
            throw new UnsafeHeaderException(header);
        }
        return text;
    }

    /** A header text carried a line break or a control character; the message is not sent. */
    static class UnsafeHeaderException extends RuntimeException {
        UnsafeHeaderException(String header) {
            super("The " + header + " contains a line break or a control character");
        }
    }
}
