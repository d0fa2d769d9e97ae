package fi.hyte.report.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A comment on a section or one of its blocks; answers point to their parent. Never published. */
public record Comment(
        UUID id,
        UUID sectionId,
        UUID blockId,
        UUID parentId,
        String authorName,
        UUID authorUser,
        String body,
        OffsetDateTime createdAt,
        OffsetDateTime resolvedAt,
        String resolvedBy) {

    public boolean resolved() {
        return resolvedAt != null;
    }
}
