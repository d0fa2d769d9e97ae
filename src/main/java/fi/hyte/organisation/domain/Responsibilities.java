package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organisation's named responsibilities. */
@Repository
public class Responsibilities {

    private static final String SELECT =
            "select id, kind, person_id, body_id, description_fi, description_sv, version from responsibility";

    private final JdbcClient jdbc;

    Responsibilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Responsibility> of(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where organisation_id = ? order by array_position(array['ACCOUNTABLE_MANAGEMENT',"
                        + "'COORDINATOR','REPORT_PREPARATION','MONITORING','IMPACT_ASSESSMENT_SUPPORT','PARTICIPATION',"
                        + "'BUDGET_LINKAGE','COMMUNICATION','COUNTY_COOPERATION','OTHER'], kind), id")
                .param(organisation.value())
                .query(Responsibilities::map)
                .list();
    }

    public Optional<Responsibility> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Responsibilities::map)
                .optional();
    }

    public void insert(OrganisationId organisation, Responsibility responsibility) {
        jdbc.sql("insert into responsibility (id, organisation_id, kind, person_id, body_id, description_fi,"
                        + " description_sv) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        responsibility.id(),
                        organisation.value(),
                        responsibility.kind().name(),
                        responsibility.personId(),
                        responsibility.bodyId(),
                        responsibility.description().fi(),
                        responsibility.description().sv())
                .update();
    }

    public int update(OrganisationId organisation, Responsibility responsibility) {
        return jdbc.sql(
                        "update responsibility set kind = ?, person_id = ?, body_id = ?, description_fi = ?,"
                                + " description_sv = ?, version = version + 1 where organisation_id = ? and id = ? and version = ?")
                .params(
                        responsibility.kind().name(),
                        responsibility.personId(),
                        responsibility.bodyId(),
                        responsibility.description().fi(),
                        responsibility.description().sv(),
                        organisation.value(),
                        responsibility.id(),
                        responsibility.version())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from responsibility where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    private static Responsibility map(ResultSet rs, int row) throws SQLException {
        return new Responsibility(
                rs.getObject("id", UUID.class),
                ResponsibilityKind.valueOf(rs.getString("kind")),
                rs.getObject("person_id", UUID.class),
                rs.getObject("body_id", UUID.class),
                new LocalizedText(rs.getString("description_fi"), rs.getString("description_sv"), null),
                rs.getInt("version"));
    }
}
