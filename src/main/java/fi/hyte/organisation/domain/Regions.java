package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The official regions: 308 municipalities, the wellbeing services counties and the regions (2026). */
@Repository
public class Regions {

    private static final String SELECT =
            "select kind, code, name_fi, name_sv, name_en, county_code, region_code, sotkanet_id from region";

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(RegionKind kind, String code) {
        return jdbc.sql(SELECT + " where kind = ? and code = ?")
                .params(kind.name(), code)
                .query(Regions::map)
                .optional();
    }

    public List<Region> all(RegionKind kind) {
        return jdbc.sql(SELECT + " where kind = ? order by name_fi")
                .param(kind.name())
                .query(Regions::map)
                .list();
    }

    public List<Region> municipalitiesOfCounty(String countyCode) {
        return jdbc.sql(SELECT + " where kind = 'MUNICIPALITY' and county_code = ? order by name_fi")
                .param(countyCode)
                .query(Regions::map)
                .list();
    }

    /** An organisation's official region with its municipality group, read in one query. */
    public Optional<Official> officialOf(UUID organisation) {
        return jdbc.sql("select r.kind, r.code, r.name_fi, r.name_sv, r.name_en, r.county_code, r.region_code,"
                        + " r.sotkanet_id, r.municipality_group from organisation o join region r"
                        + " on r.kind = o.region_kind and r.code = o.region_code where o.id = ?")
                .param(organisation)
                .query((rs, n) -> new Official(map(rs, n), rs.getString("municipality_group")))
                .optional();
    }

    /** A region with the municipality group of a municipality (null for other regions). */
    public record Official(Region region, String municipalityGroup) {}

    public List<Region> municipalitiesInGroup(String group) {
        return jdbc.sql(SELECT + " where kind = 'MUNICIPALITY' and municipality_group = ? order by name_fi")
                .param(group)
                .query(Regions::map)
                .list();
    }

    public int count(RegionKind kind) {
        return jdbc.sql("select count(*) from region where kind = ?")
                .param(kind.name())
                .query(Integer.class)
                .single();
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        return new Region(
                RegionKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), rs.getString("name_en")),
                rs.getString("county_code"),
                rs.getString("region_code"),
                (Integer) rs.getObject("sotkanet_id"));
    }
}
