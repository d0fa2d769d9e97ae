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

/** An organisation's sectors. */
@Repository
public class Sectors {

    private final JdbcClient jdbc;

    Sectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Sector> of(OrganisationId organisation) {
        return jdbc.sql("select id, name_fi, name_sv, position, version from sector where organisation_id = ?"
                        + " order by position, lower(name_fi)")
                .param(organisation.value())
                .query(Sectors::map)
                .list();
    }

    public Optional<Sector> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                        "select id, name_fi, name_sv, position, version from sector where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Sectors::map)
                .optional();
    }

    public void insert(OrganisationId organisation, Sector sector) {
        jdbc.sql("insert into sector (id, organisation_id, name_fi, name_sv, position) values (?, ?, ?, ?, ?)")
                .params(
                        sector.id(),
                        organisation.value(),
                        sector.name().fi(),
                        sector.name().sv(),
                        sector.position())
                .update();
    }

    public int update(OrganisationId organisation, Sector sector) {
        return jdbc.sql("update sector set name_fi = ?, name_sv = ?, position = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        sector.name().fi(),
                        sector.name().sv(),
                        sector.position(),
                        organisation.value(),
                        sector.id(),
                        sector.version())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from sector where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    private static Sector map(ResultSet rs, int row) throws SQLException {
        return new Sector(
                rs.getObject("id", UUID.class),
                new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), null),
                rs.getInt("position"),
                rs.getInt("version"));
    }
}
