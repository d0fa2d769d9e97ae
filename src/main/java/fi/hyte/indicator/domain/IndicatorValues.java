package fi.hyte.indicator.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored values. Callers have already checked that the asking organisation sees the indicator
 * (see {@link Indicators#find}); the primary key (indicator, region, year, gender) serves every read.
 */
@Repository
public class IndicatorValues {

    private final JdbcClient jdbc;

    IndicatorValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Values of indicators × regions, all years and genders unless limited (null means all). */
    public List<IndicatorValue> of(
            Collection<Integer> indicators,
            Collection<Integer> regions,
            Collection<Gender> genders,
            Integer fromYear,
            Integer toYear) {
        if (indicators.isEmpty() || (regions != null && regions.isEmpty())) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select indicator_id, region_id, year, gender, value, absolute_value"
                + " from indicator_value where indicator_id = any(?)");
        List<Object> params = new java.util.ArrayList<>();
        params.add(indicators.toArray(Integer[]::new));
        if (regions != null) {
            sql.append(" and region_id = any(?)");
            params.add(regions.toArray(Integer[]::new));
        }
        if (genders != null && !genders.isEmpty()) {
            sql.append(" and gender = any(?)");
            params.add(genders.stream().map(Gender::stored).toArray(Short[]::new));
        }
        if (fromYear != null) {
            sql.append(" and year >= ?");
            params.add(fromYear);
        }
        if (toYear != null) {
            sql.append(" and year <= ?");
            params.add(toYear);
        }
        sql.append(" order by indicator_id, region_id, gender, year");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(IndicatorValues::value)
                .list();
    }

    /**
     * Indicators other than {@code except} that have values for the region, the most recent first;
     * the caller keeps those the organisation may see.
     */
    public List<Integer> indicatorsWithValues(int region, Collection<Integer> except, int limit) {
        // One index probe per indicator (the key starts with indicator and region), not a scan of every value.
        return jdbc.sql("select id from (select i.id, (select max(v.year) from indicator_value v where"
                        + " v.indicator_id = i.id and v.region_id = ? and v.value is not null) as latest"
                        + " from indicator i where not (i.id = any(?))) found where latest is not null"
                        + " order by latest desc, id limit ?")
                .params(region, except.toArray(Integer[]::new), limit)
                .query(Integer.class)
                .list();
    }

    public Optional<Integer> latestYear(int indicator) {
        return Optional.ofNullable(jdbc.sql("select max(year) from indicator_value where indicator_id = ?")
                .param(indicator)
                .query(Integer.class)
                .single());
    }

    /**
     * The batch that last added or changed values of this indicator (0 when none has): a new import
     * or Sotkanet refresh of it, on any node, gives a new one.
     */
    public long lastBatch(int indicator) {
        return jdbc.sql("select coalesce(last_batch_id, 0) from indicator where id = ?")
                .param(indicator)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Of these indicators, those whose values last changed in an import or refresh after {@code since}. */
    public java.util.Set<Integer> changedSince(java.util.Collection<Integer> indicators, java.time.Instant since) {
        if (indicators.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select i.id from indicator i join indicator_batch b on b.id ="
                        + " i.last_batch_id where i.id = any(?) and b.retrieved_at > ?")
                .params(indicators.toArray(Integer[]::new), java.sql.Timestamp.from(since))
                .query(Integer.class)
                .list());
    }

    public boolean exists(int indicator) {
        return jdbc.sql("select exists (select 1 from indicator_value where indicator_id = ?)")
                .param(indicator)
                .query(Boolean.class)
                .single();
    }

    /** Sotkanet indicators Hyte follows: those with values here or in some organisation's indicator set. */
    public List<Integer> followedSotkanetIndicators() {
        return jdbc.sql("select i.id from indicator i where i.organisation_id is null and (exists (select 1"
                        + " from indicator_value v where v.indicator_id = i.id) or exists (select 1 from"
                        + " indicator_set_item s where s.indicator_id = i.id)) order by i.id")
                .query(Integer.class)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from indicator_value")
                .query(Long.class)
                .single();
    }

    /** When this indicator's values last came in, and from where: for the source line under a chart. */
    public Optional<Provenance> provenance(int indicator) {
        return jdbc.sql("select b.source, b.licence, b.retrieved_at, b.kind from indicator_batch b"
                        + " join indicator i on i.last_batch_id = b.id where i.id = ?")
                .param(indicator)
                .query((rs, n) -> new Provenance(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class),
                        rs.getString(4)))
                .optional();
    }

    /** Where the latest values came from. */
    public record Provenance(String source, String licence, java.time.OffsetDateTime retrievedAt, String kind) {}

    private static IndicatorValue value(ResultSet rs, int row) throws SQLException {
        return new IndicatorValue(
                rs.getInt(1),
                rs.getInt(2),
                rs.getInt(3),
                Gender.ofStored(rs.getInt(4)),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6));
    }
}
