package fi.hyte.report.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An approved version of a report, as its body decided it: the content (JSON, every language, every
 * block's values and chart) and its SHA-256 fingerprint. The database refuses to change it.
 */
public record Snapshot(
        UUID id,
        UUID reportId,
        int versionNo,
        String content,
        String sha256,
        String bodyName,
        LocalDate decidedOn,
        String paragraph,
        String minutesUrl,
        String correctionReason,
        OffsetDateTime approvedAt,
        String approvedBy,
        OffsetDateTime publishedAt) {

    public boolean published() {
        return publishedAt != null;
    }
}
