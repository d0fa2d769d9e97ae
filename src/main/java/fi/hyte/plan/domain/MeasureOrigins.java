package fi.hyte.plan.domain;

import fi.hyte.platform.OrganisationId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where measures proposed elsewhere in Hyte came from (e.g. a development action of a maturity round). */
@Repository
public class MeasureOrigins {

    private final JdbcClient jdbc;

    MeasureOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param kind what proposed it, a message key's last part (e.g. maturityAction)
     * @param label its title as the user wrote it
     * @param path its address in Hyte, from the root (e.g. /maturity/rounds/…#actions)
     */
    public record Origin(String kind, String label, String path) {}

    public Optional<Origin> of(OrganisationId organisation, UUID measure) {
        return jdbc.sql("select kind, label, path from measure_origin where organisation_id = ? and measure_id = ?")
                .params(organisation.value(), measure)
                .query(Origin.class)
                .optional();
    }

    public void insert(OrganisationId organisation, UUID measure, Origin origin) {
        jdbc.sql("insert into measure_origin (measure_id, organisation_id, kind, label, path) values (?, ?, ?, ?, ?)")
                .params(measure, organisation.value(), origin.kind(), origin.label(), origin.path())
                .update();
    }
}
