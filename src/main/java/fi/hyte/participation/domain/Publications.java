package fi.hyte.participation.domain;

import fi.hyte.platform.OrganisationId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** What an organisation has published on its site: the plan, years' evaluations, the key indicators. */
@Repository
public class Publications {

    /** The most key indicators a site shows. */
    public static final int MAX_INDICATORS = 12;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Publications(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<PublishedPlan> plan(OrganisationId organisation) {
        return jdbc.sql("select content::text from public_plan where organisation_id = ?")
                .param(organisation.value())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, PublishedPlan.class));
    }

    public Optional<UUID> planId(OrganisationId organisation) {
        return jdbc.sql("select plan_id from public_plan where organisation_id = ?")
                .param(organisation.value())
                .query(UUID.class)
                .optional();
    }

    /** The years whose evaluations of the published plan are published, latest first. */
    public List<Integer> evaluationYears(OrganisationId organisation) {
        return jdbc.sql(
                        "select e.year from public_evaluations e join public_plan p on p.organisation_id ="
                                + " e.organisation_id and p.plan_id = e.plan_id where e.organisation_id = ? order by e.year desc")
                .param(organisation.value())
                .query(Integer.class)
                .list();
    }

    /** Published years of a plan, whether or not the plan itself is published now. */
    public List<Integer> evaluationYears(OrganisationId organisation, UUID plan) {
        return jdbc.sql("select year from public_evaluations where organisation_id = ? and plan_id = ? order by year")
                .params(organisation.value(), plan)
                .query(Integer.class)
                .list();
    }

    /** A year's published evaluations of the published plan. */
    public Optional<PublishedEvaluations> evaluations(OrganisationId organisation, int year) {
        return jdbc.sql("select e.content::text from public_evaluations e join public_plan p on p.organisation_id ="
                        + " e.organisation_id and p.plan_id = e.plan_id where e.organisation_id = ? and e.year = ?")
                .params(organisation.value(), year)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, PublishedEvaluations.class));
    }

    public List<Integer> indicators(OrganisationId organisation) {
        return jdbc.sql("select indicator_id from public_indicator where organisation_id = ? order by position")
                .param(organisation.value())
                .query(Integer.class)
                .list();
    }

    void putPlan(OrganisationId organisation, PublishedPlan plan, String by) {
        jdbc.sql("insert into public_plan (organisation_id, plan_id, content, published_by) values (?, ?,"
                        + " cast(? as jsonb), ?) on conflict (organisation_id) do update set plan_id = excluded.plan_id,"
                        + " content = excluded.content, published_at = now(), published_by = excluded.published_by")
                .params(organisation.value(), plan.planId(), json.writeValueAsString(plan), by)
                .update();
    }

    boolean removePlan(OrganisationId organisation) {
        return jdbc.sql("delete from public_plan where organisation_id = ?")
                        .param(organisation.value())
                        .update()
                == 1;
    }

    void putEvaluations(OrganisationId organisation, UUID plan, PublishedEvaluations evaluations, String by) {
        jdbc.sql("insert into public_evaluations (organisation_id, plan_id, year, content, published_by) values (?, ?,"
                        + " ?, cast(? as jsonb), ?) on conflict (organisation_id, plan_id, year) do update set"
                        + " content = excluded.content, published_at = now(), published_by = excluded.published_by")
                .params(organisation.value(), plan, evaluations.year(), json.writeValueAsString(evaluations), by)
                .update();
    }

    boolean removeEvaluations(OrganisationId organisation, UUID plan, int year) {
        return jdbc.sql("delete from public_evaluations where organisation_id = ? and plan_id = ? and year = ?")
                        .params(organisation.value(), plan, year)
                        .update()
                == 1;
    }

    /** Adds an indicator last; false when it was there already or the site shows the most it may. */
    boolean addIndicator(OrganisationId organisation, int indicator) {
        return jdbc.sql("insert into public_indicator (organisation_id, indicator_id, position) select ?, ?,"
                                + " coalesce(max(position), 0) + 1 from public_indicator where organisation_id = ?"
                                + " having count(*) < ? on conflict do nothing")
                        .params(organisation.value(), indicator, organisation.value(), MAX_INDICATORS)
                        .update()
                == 1;
    }

    boolean removeIndicator(OrganisationId organisation, int indicator) {
        return jdbc.sql("delete from public_indicator where organisation_id = ? and indicator_id = ?")
                        .params(organisation.value(), indicator)
                        .update()
                == 1;
    }
}
