package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import java.util.List;

/**
 * A single message to an address a resident left (no account in Hyte), in the language the
 * resident used: its subject and lines as message keys of the producing module's bundle, and the
 * public page it is about. The address is kept in the outbox only until the message is sent or given
 * up, and is never shown to staff.
 */
public record ResidentNotice(
        OrganisationId organisation,
        String address,
        String language,
        MailKind kind,
        MailLine subject,
        List<MailLine> lines,
        String path) {

    public ResidentNotice {
        lines = List.copyOf(lines);
        if (!kind.toResidents()) {
            throw new IllegalArgumentException(kind + " is not sent to residents");
        }
    }
}
