package fi.hyte.report.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A joy or a worry (ilon- tai huolenaihe) a sector or partner recorded, with the indicator it concerns. */
public record JoyWorry(
        UUID id, UUID reportId, Kind kind, String source, String text, Integer indicatorId, OffsetDateTime createdAt) {

    public enum Kind {
        JOY,
        WORRY
    }
}
