package fi.hyte.report.domain;

import java.util.UUID;

/** Where an item of the minimum data list is in a report: in a section, or omitted with a reason. */
public record Placement(String itemKey, UUID sectionId, String omittedReason) {

    public boolean decided() {
        return sectionId != null || (omittedReason != null && !omittedReason.isBlank());
    }
}
