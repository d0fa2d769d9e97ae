package fi.hyte.report.domain;

import java.util.UUID;

/**
 * A live block of a section: what it shows (an indicator's chart, the plan's progress, the maturity
 * matrix …) and its subject where it needs one.
 *
 * @param showPrevious whether an indicator block shows the previous approved report's value
 * @param reviewedFingerprint the fingerprint of the block's data when its section was last signed
 *     off; a different fingerprint now means its data changed since
 */
public record Block(
        UUID id,
        UUID sectionId,
        int position,
        BlockKind kind,
        Integer indicatorId,
        String gender,
        UUID goalId,
        Integer year,
        boolean showPrevious,
        String reviewedFingerprint) {}
