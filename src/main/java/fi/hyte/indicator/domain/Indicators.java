package fi.hyte.indicator.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator catalogue. Sotkanet's indicators are visible to everyone; a local indicator only to
 * its own organisation, so every read takes the organisation asking.
 */
@Repository
public class Indicators {

    private static final String SELECT =
            "select id, organisation_id, code, title_fi, title_sv, title_en, description_fi,"
                    + " description_sv, description_en, source_fi, source_sv, source_en, unit_fi, unit_sv, unit_en, decimals,"
                    + " genders, direction, data_updated, range_start, range_end from indicator";
    private static final String VISIBLE = " (organisation_id is null or organisation_id = ?)";

    private final JdbcClient jdbc;

    Indicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Indicator> find(OrganisationId asking, int id) {
        return jdbc.sql(SELECT + " where id = ? and" + VISIBLE)
                .params(id, asking.value())
                .query(Indicators::indicator)
                .optional();
    }

    /** A Sotkanet indicator, for the open data API and refreshes. */
    public Optional<Indicator> findShared(int id) {
        return jdbc.sql(SELECT + " where id = ? and organisation_id is null")
                .param(id)
                .query(Indicators::indicator)
                .optional();
    }

    public List<Indicator> findAll(OrganisationId asking, Collection<Integer> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id = any(?) and" + VISIBLE)
                .params(ids.toArray(Integer[]::new), asking.value())
                .query(Indicators::indicator)
                .list();
    }

    /**
     * The sum of these indicators' last import batches, of those the organisation sees, in one query
     * (a public page's ETag reads it on every request).
     */
    public long batchSum(OrganisationId asking, Collection<Integer> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select coalesce(sum(coalesce(last_batch_id, 0)), 0) from indicator where id = any(?) and"
                        + VISIBLE)
                .params(ids.toArray(Integer[]::new), asking.value())
                .query(Long.class)
                .single();
    }

    public Optional<Indicator> findLocal(OrganisationId organisation, String code) {
        return jdbc.sql(SELECT + " where organisation_id = ? and lower(code) = lower(?)")
                .params(organisation.value(), code)
                .query(Indicators::indicator)
                .optional();
    }

    /** The longest search looked at, in characters and in words (as the plan's indicator picker). */
    public static final int MAX_SEARCH_LENGTH = 100;

    public static final int MAX_SEARCH_WORDS = 8;

    /**
     * Titles containing every word searched, in any language, Sotkanet's and the organisation's own.
     * Only the first {@link #MAX_SEARCH_LENGTH} characters and {@link #MAX_SEARCH_WORDS} words count, so
     * that one request cannot build a query of thousands of ILIKE conditions.
     */
    public List<Indicator> search(OrganisationId asking, String words, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where" + VISIBLE);
        List<Object> params = new java.util.ArrayList<>(List.of(asking.value()));
        String capped = words.length() > MAX_SEARCH_LENGTH ? words.substring(0, MAX_SEARCH_LENGTH) : words;
        for (String word : java.util.Arrays.stream(capped.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .limit(MAX_SEARCH_WORDS)
                .toList()) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.chars().allMatch(Character::isDigit) && word.length() < 9) {
                sql.append(" and (id = ? or title_fi ilike ?)");
                params.add(Integer.parseInt(word));
            } else {
                sql.append(" and (title_fi ilike ? or title_sv ilike ? or title_en ilike ? or code ilike ?)");
                String like =
                        "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                params.addAll(List.of(like, like, like));
            }
            params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by organisation_id nulls last, id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(Indicators::indicator)
                .list();
    }

    public int countShared() {
        return jdbc.sql("select count(*) from indicator where organisation_id is null")
                .query(Integer.class)
                .single();
    }

    /**
     * Adds or updates Sotkanet indicators. What the list format does not carry (description, unit,
     * decimals, data date) is kept from an earlier full record.
     */
    @Transactional
    public void saveShared(Collection<Indicator> indicators) {
        for (Indicator i : indicators) {
            jdbc.sql("insert into indicator (id, title_fi, title_sv, title_en, description_fi, description_sv,"
                            + " description_en, source_fi, source_sv, source_en, unit_fi, unit_sv, unit_en, decimals,"
                            + " genders, data_updated, range_start, range_end)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (id) do update set title_fi = excluded.title_fi,"
                            + " title_sv = excluded.title_sv, title_en = excluded.title_en,"
                            + " description_fi = coalesce(excluded.description_fi, indicator.description_fi),"
                            + " description_sv = coalesce(excluded.description_sv, indicator.description_sv),"
                            + " description_en = coalesce(excluded.description_en, indicator.description_en),"
                            + " source_fi = excluded.source_fi, source_sv = excluded.source_sv,"
                            + " source_en = excluded.source_en, unit_fi = coalesce(excluded.unit_fi, indicator.unit_fi),"
                            + " unit_sv = coalesce(excluded.unit_sv, indicator.unit_sv),"
                            + " unit_en = coalesce(excluded.unit_en, indicator.unit_en),"
                            + " decimals = coalesce(excluded.decimals, indicator.decimals), genders = excluded.genders,"
                            + " data_updated = coalesce(excluded.data_updated, indicator.data_updated),"
                            + " range_start = coalesce(excluded.range_start, indicator.range_start),"
                            + " range_end = coalesce(excluded.range_end, indicator.range_end), updated_at = now()"
                            + " where indicator.organisation_id is null")
                    .params(
                            i.id(),
                            i.title().fi(),
                            i.title().sv(),
                            i.title().en(),
                            i.description().fi(),
                            i.description().sv(),
                            i.description().en(),
                            i.source().fi(),
                            i.source().sv(),
                            i.source().en(),
                            i.unit().fi(),
                            i.unit().sv(),
                            i.unit().en(),
                            i.decimals(),
                            i.genders().stream().map(Gender::code).toArray(String[]::new),
                            i.dataUpdated() == null ? null : Date.valueOf(i.dataUpdated()),
                            i.rangeStart(),
                            i.rangeEnd())
                    .update();
        }
    }

    /** Hyte's curated judgement of which way is better, for Sotkanet's indicators. */
    public void setDirection(int id, Direction direction) {
        jdbc.sql("update indicator set direction = ? where id = ? and organisation_id is null")
                .params(direction.name(), id)
                .update();
    }

    /** The organisation's judgement of which way is better, for one of its own indicators. */
    public void setLocalDirection(OrganisationId organisation, int id, Direction direction) {
        jdbc.sql("update indicator set direction = ? where id = ? and organisation_id = ?")
                .params(direction.name(), id, organisation.value())
                .update();
    }

    /** Creates an organisation's own indicator; its id comes from a range Sotkanet does not use. */
    public Indicator createLocal(OrganisationId organisation, String code, LocalizedText title, LocalizedText unit) {
        int id = jdbc.sql("select nextval('local_indicator_id')")
                .query(Integer.class)
                .single();
        jdbc.sql("insert into indicator (id, organisation_id, code, title_fi, title_sv, title_en, unit_fi, unit_sv,"
                        + " unit_en, source_fi, source_sv, source_en, genders)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{total,male,female}')")
                .params(
                        id,
                        organisation.value(),
                        code,
                        title.fi(),
                        title.sv(),
                        title.en(),
                        unit.fi(),
                        unit.sv(),
                        unit.en(),
                        null,
                        null,
                        null)
                .update();
        return find(organisation, id).orElseThrow();
    }

    private static Indicator indicator(ResultSet rs, int row) throws SQLException {
        Array genders = rs.getArray("genders");
        Date updated = rs.getDate("data_updated");
        UUID organisation = rs.getObject("organisation_id", UUID.class);
        return new Indicator(
                rs.getInt("id"),
                organisation,
                rs.getString("code"),
                text(rs, "title"),
                text(rs, "description"),
                text(rs, "source"),
                text(rs, "unit"),
                (Integer) rs.getObject("decimals"),
                Arrays.stream((String[]) genders.getArray())
                        .map(g -> Gender.parse(g).orElseThrow())
                        .toList(),
                Direction.valueOf(rs.getString("direction")),
                updated == null ? null : updated.toLocalDate(),
                (Integer) rs.getObject("range_start"),
                (Integer) rs.getObject("range_end"));
    }

    private static LocalizedText text(ResultSet rs, String column) throws SQLException {
        return new LocalizedText(
                rs.getString(column + "_fi"), rs.getString(column + "_sv"), rs.getString(column + "_en"));
    }
}
