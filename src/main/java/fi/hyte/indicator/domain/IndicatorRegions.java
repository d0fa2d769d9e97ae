package fi.hyte.indicator.domain;

import fi.hyte.platform.LocalizedText;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sotkanet's regions, shared by every organisation. Read often (every chart names its regions) and
 * changed seldom (a refresh of the region list), so they are held in memory for a few minutes.
 */
@Repository
public class IndicatorRegions {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    IndicatorRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void saveAll(Collection<IndicatorRegion> regions) {
        for (IndicatorRegion r : regions) {
            jdbc.sql("insert into indicator_region (id, code, category, title_fi, title_sv, title_en, member_of)"
                            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set code = excluded.code,"
                            + " category = excluded.category, title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
                            + " title_en = excluded.title_en, member_of = excluded.member_of")
                    .params(
                            r.id(),
                            r.code(),
                            r.category(),
                            r.title().fi(),
                            r.title().sv(),
                            r.title().en(),
                            r.memberOf().toArray(Integer[]::new))
                    .update();
        }
        snapshot = null;
    }

    public int count() {
        return all().size();
    }

    public Map<Integer, IndicatorRegion> all() {
        Snapshot current = snapshot;
        if (current == null || current.loaded().plus(KEEP).isBefore(Instant.now())) {
            Map<Integer, IndicatorRegion> byId = new LinkedHashMap<>();
            jdbc.sql("select id, code, category, title_fi, title_sv, title_en, member_of from indicator_region"
                            + " order by category, code")
                    .query(IndicatorRegions::region)
                    .list()
                    .forEach(r -> byId.put(r.id(), r));
            current = new Snapshot(Map.copyOf(byId), List.copyOf(byId.values()), Instant.now());
            snapshot = current;
        }
        return current.byId();
    }

    public List<IndicatorRegion> list() {
        all();
        return snapshot.ordered();
    }

    public Optional<IndicatorRegion> find(int id) {
        return Optional.ofNullable(all().get(id));
    }

    public Optional<IndicatorRegion> find(String category, String code) {
        return list().stream()
                .filter(r -> r.category().equals(category) && r.code().equals(code))
                .findFirst();
    }

    /** The regions the given region belongs to, of one category (e.g. a municipality's county). */
    public Optional<IndicatorRegion> parentOf(IndicatorRegion region, String category) {
        return region.memberOf().stream()
                .map(all()::get)
                .filter(r -> r != null && r.category().equals(category))
                .findFirst();
    }

    /**
     * Today's municipalities: those that belong to a wellbeing services county. Sotkanet still lists
     * merged municipalities, which hold their old series.
     */
    public List<IndicatorRegion> currentMunicipalities() {
        return list().stream()
                .filter(r ->
                        r.isMunicipality() && parentOf(r, "HYVINVOINTIALUE").isPresent())
                .toList();
    }

    public List<IndicatorRegion> municipalitiesIn(int regionId) {
        return currentMunicipalities().stream()
                .filter(r -> r.memberOf().contains(regionId))
                .toList();
    }

    private static IndicatorRegion region(ResultSet rs, int row) throws SQLException {
        Array members = rs.getArray("member_of");
        return new IndicatorRegion(
                rs.getInt("id"),
                rs.getString("code"),
                rs.getString("category"),
                new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
                List.copyOf(Arrays.asList((Integer[]) members.getArray())));
    }

    private record Snapshot(Map<Integer, IndicatorRegion> byId, List<IndicatorRegion> ordered, Instant loaded) {}
}
