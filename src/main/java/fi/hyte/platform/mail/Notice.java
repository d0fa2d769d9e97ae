package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.util.List;

/**
 * An immediate message to one person of an organisation: its subject and lines as message keys of
 * the producing module's bundle, and the page in Hyte it is about.
 */
public record Notice(
        OrganisationId organisation,
        UserId recipient,
        MailKind kind,
        MailLine subject,
        List<MailLine> lines,
        String path) {

    public Notice {
        lines = List.copyOf(lines);
    }
}
