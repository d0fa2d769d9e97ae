package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored organisations. */
@Repository
public class Organisations {

    private static final String SELECT =
            "select id, type, name_fi, name_sv, region_kind, region_code, version from organisation";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query(Organisations::map)
                .optional();
    }

    public List<Organisation> all() {
        return jdbc.sql(SELECT + " order by lower(name_fi)")
                .query(Organisations::map)
                .list();
    }

    public List<Organisation> byIds(Collection<OrganisationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] values = ids.stream().map(OrganisationId::value).toArray(UUID[]::new);
        return jdbc.sql(SELECT + " where id = any(?)")
                .param(values)
                .query(Organisations::map)
                .list();
    }

    public void insert(Organisation organisation) {
        jdbc.sql(
                        "insert into organisation (id, type, name_fi, name_sv, region_kind, region_code) values (?, ?, ?, ?, ?, ?)")
                .params(
                        organisation.id().value(),
                        organisation.type().name(),
                        organisation.name().fi(),
                        organisation.name().sv(),
                        organisation.regionKind() == null
                                ? null
                                : organisation.regionKind().name(),
                        organisation.regionCode())
                .update();
    }

    /** Updates if the stored version is still the one given; returns the number of rows changed. */
    public int update(Organisation organisation) {
        return jdbc.sql("update organisation set type = ?, name_fi = ?, name_sv = ?, region_kind = ?, region_code = ?,"
                        + " version = version + 1 where id = ? and version = ?")
                .params(
                        organisation.type().name(),
                        organisation.name().fi(),
                        organisation.name().sv(),
                        organisation.regionKind() == null
                                ? null
                                : organisation.regionKind().name(),
                        organisation.regionCode(),
                        organisation.id().value(),
                        organisation.version())
                .update();
    }

    /** After how many years the organisation's indicator values count as old data. */
    public Optional<Integer> staleAfterYears(OrganisationId id) {
        return jdbc.sql("select stale_after_years from organisation where id = ?")
                .param(id.value())
                .query(Integer.class)
                .optional();
    }

    /** Sets the threshold if the stored version is still the one given; returns the rows changed. */
    public int updateStaleAfterYears(OrganisationId id, int years, int version) {
        return jdbc.sql("update organisation set stale_after_years = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(years, id.value(), version)
                .update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        String regionKind = rs.getString("region_kind");
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                OrganisationType.valueOf(rs.getString("type")),
                new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), null),
                regionKind == null ? null : RegionKind.valueOf(regionKind),
                rs.getString("region_code"),
                rs.getInt("version"));
    }
}
