package fi.hyte.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moments in the users' time zone. The database hands times back in UTC; people in Finland read
 * them in Finnish time (summer time included). Templates call {@code @localTimes.at(moment)}.
 */
@Component("localTimes")
public class LocalTimes {

    private final ZoneId zone;

    LocalTimes(@Value("${hyte.time-zone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZonedDateTime at(Object moment) {
        if (moment instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (moment instanceof Instant instant) {
            return instant.atZone(zone);
        }
        return null;
    }
}
