package fi.hyte.report.domain;

import fi.hyte.platform.LocalizedText;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A section of a report: its heading and Markdown text in Finnish, Swedish and English, its author
 * and due date, the sector whose editors may write it, and when it was last signed off.
 *
 * @param outlineKey the outline's key it came from (summary, plan …); null for a section a user added
 */
public record Section(
        UUID id,
        UUID reportId,
        int position,
        String outlineKey,
        LocalizedText title,
        LocalizedText body,
        UUID authorPersonId,
        UUID sectorId,
        LocalDate dueOn,
        OffsetDateTime reviewedAt,
        String reviewedBy,
        int version) {

    public boolean empty() {
        return body.fi() == null && body.sv() == null && body.en() == null;
    }
}
