package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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

    /** Statistics Finland's municipality group (1 urban, 2 semi-urban, 3 rural) of a municipality. */
    public Optional<String> municipalityGroup(String code) {
        return jdbc.sql("select municipality_group from region where kind = 'MUNICIPALITY' and code = ?")
                .param(code)
                .query(String.class)
                .optional();
    }

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
