package fi.hyte.indicator.domain;

import fi.hyte.platform.OrganisationId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's indicator set for wellbeing reporting, and Hyte's suggested starting set. */
@Repository
public class IndicatorSets {

    private final JdbcClient jdbc;
    private volatile List<Item> suggestions;

    IndicatorSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One indicator in a set, with its age group, theme and, for suggestions, its direction. */
    public record Item(int indicatorId, AgeGroup ageGroup, Theme theme, Direction direction) {}

    public List<Item> of(OrganisationId organisation) {
        return jdbc.sql("select s.indicator_id, s.age_group, s.theme, i.direction from indicator_set_item s"
                        + " join indicator i on i.id = s.indicator_id"
                        + " where s.organisation_id = ? and (i.organisation_id is null or i.organisation_id = ?)"
                        + " order by s.position, s.indicator_id")
                .params(organisation.value(), organisation.value())
                .query((rs, n) -> new Item(
                        rs.getInt(1),
                        AgeGroup.valueOf(rs.getString(2)),
                        Theme.valueOf(rs.getString(3)),
                        Direction.valueOf(rs.getString(4))))
                .list();
    }

    public boolean contains(OrganisationId organisation, int indicator) {
        return jdbc.sql("select count(*) from indicator_set_item where organisation_id = ? and indicator_id = ?")
                        .params(organisation.value(), indicator)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Adds an indicator or changes its group; the caller has checked that the organisation sees it. */
    public void put(OrganisationId organisation, int indicator, AgeGroup ageGroup, Theme theme) {
        jdbc.sql("insert into indicator_set_item (organisation_id, indicator_id, age_group, theme, position)"
                        + " values (?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from indicator_set_item"
                        + " where organisation_id = ?)) on conflict (organisation_id, indicator_id) do update"
                        + " set age_group = excluded.age_group, theme = excluded.theme")
                .params(organisation.value(), indicator, ageGroup.name(), theme.name(), organisation.value())
                .update();
    }

    public boolean remove(OrganisationId organisation, int indicator) {
        return jdbc.sql("delete from indicator_set_item where organisation_id = ? and indicator_id = ?")
                        .params(organisation.value(), indicator)
                        .update()
                > 0;
    }

    /** Starts the set from Hyte's suggestions; indicators already in the set keep their grouping. */
    @Transactional
    public int adoptSuggestions(OrganisationId organisation) {
        int added = 0;
        for (Item s : suggestions()) {
            added += jdbc.sql(
                            "insert into indicator_set_item (organisation_id, indicator_id, age_group, theme, position)"
                                    + " select ?, ?, ?, ?, ? where exists (select 1 from indicator where id = ?)"
                                    + " on conflict do nothing")
                    .params(
                            organisation.value(),
                            s.indicatorId(),
                            s.ageGroup().name(),
                            s.theme().name(),
                            suggestions().indexOf(s),
                            s.indicatorId())
                    .update();
        }
        return added;
    }

    public List<Item> suggestions() {
        List<Item> list = suggestions;
        if (list == null) {
            list = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new ClassPathResource("indicators/suggested-set.csv").getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("#") || line.startsWith("indicator;") || line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split(";");
                    list.add(new Item(
                            Integer.parseInt(f[0]),
                            AgeGroup.valueOf(f[1]),
                            Theme.valueOf(f[2]),
                            Direction.valueOf(f[3])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            list = List.copyOf(list);
            suggestions = list;
        }
        return list;
    }
}
