package fi.hyte.report.domain;

import fi.hyte.platform.LocalizedText;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A report of the organisation's: its kind and period, the plan it reports on, where it is in its
 * handling, and its plain-language summary (selkokieli, lättläst) written by people.
 *
 * @param basedOn the earlier report this one started from; null for one started from the outline
 * @param swedishRequired whether the report must have Swedish texts (a bilingual organisation's)
 * @param changeThreshold how many per cent an indicator must move to be listed in "what changed"
 * @param correctionReason why an approved report was reopened for a corrected version; null otherwise
 */
public record Report(
        UUID id,
        ReportKind kind,
        LocalizedText title,
        int firstYear,
        int lastYear,
        UUID planId,
        ReportStatus status,
        String outlineId,
        int outlineVersion,
        UUID basedOn,
        boolean swedishRequired,
        boolean example,
        LocalizedText summary,
        String noSummaryReason,
        BigDecimal changeThreshold,
        String correctionReason,
        OffsetDateTime lockedAt,
        OffsetDateTime sentToCountyAt,
        int version) {

    /** "2025" or "2025–2028". */
    public String period() {
        return firstYear == lastYear ? String.valueOf(firstYear) : firstYear + "–" + lastYear;
    }
}
