package fi.hyte.plan.domain;

import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Goals and the indicators they are measured by. */
@Repository
public class Goals {

    private static final String GOAL = "select id, plan_id, line_id, ref, position, title_fi, title_sv,"
            + " description_fi, description_sv, dimension_ids, target_groups, inequality_focus, owner_person_id,"
            + " owner_body_id, version, updated_at, updated_by from goal";
    private static final String INDICATOR = "select gi.id, gi.goal_id, gi.indicator_id, gi.gender, gi.baseline_year,"
            + " gi.baseline_value, gi.target_value, gi.target_year, gi.direction, gi.version from goal_indicator gi";

    private final JdbcClient jdbc;

    Goals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Goal> of(OrganisationId organisation, UUID plan) {
        return jdbc.sql(GOAL + " where organisation_id = ? and plan_id = ? order by position, ref")
                .params(organisation.value(), plan)
                .query(Goals::goal)
                .list();
    }

    public Optional<Goal> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(GOAL + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Goals::goal)
                .optional();
    }

    public void insert(OrganisationId organisation, Goal goal, String by) {
        jdbc.sql("insert into goal (id, organisation_id, plan_id, line_id, ref, position, title_fi, title_sv,"
                        + " description_fi, description_sv, dimension_ids, target_groups, inequality_focus,"
                        + " owner_person_id, owner_body_id, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " cast(? as uuid[]), cast(? as text[]), ?, ?, ?, ?)")
                .params(
                        goal.id(),
                        organisation.value(),
                        goal.planId(),
                        goal.lineId(),
                        goal.ref(),
                        goal.position(),
                        Rows.fi(goal.title()),
                        Rows.sv(goal.title()),
                        Rows.fi(goal.description()),
                        Rows.sv(goal.description()),
                        Rows.uuidArray(goal.dimensionIds()),
                        Rows.textArray(goal.targetGroups()),
                        goal.inequalityFocus(),
                        goal.ownerPersonId(),
                        goal.ownerBodyId(),
                        by)
                .update();
    }

    public int update(OrganisationId organisation, Goal goal, String by) {
        return jdbc.sql("update goal set line_id = ?, position = ?, title_fi = ?, title_sv = ?, description_fi = ?,"
                        + " description_sv = ?, dimension_ids = cast(? as uuid[]), target_groups = cast(? as text[]),"
                        + " inequality_focus = ?, owner_person_id = ?, owner_body_id = ?, version = version + 1,"
                        + " updated_at = now(), updated_by = ? where organisation_id = ? and id = ? and version = ?")
                .params(
                        goal.lineId(),
                        goal.position(),
                        Rows.fi(goal.title()),
                        Rows.sv(goal.title()),
                        Rows.fi(goal.description()),
                        Rows.sv(goal.description()),
                        Rows.uuidArray(goal.dimensionIds()),
                        Rows.textArray(goal.targetGroups()),
                        goal.inequalityFocus(),
                        goal.ownerPersonId(),
                        goal.ownerBodyId(),
                        by,
                        organisation.value(),
                        goal.id(),
                        goal.version())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from goal where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    /** The indicators of every goal of a plan. */
    public List<GoalIndicator> indicators(OrganisationId organisation, UUID plan) {
        return jdbc.sql(INDICATOR + " join goal g on g.id = gi.goal_id where gi.organisation_id = ?"
                        + " and g.plan_id = ? order by gi.goal_id, gi.indicator_id, gi.gender")
                .params(organisation.value(), plan)
                .query(Goals::indicator)
                .list();
    }

    public Optional<GoalIndicator> findIndicator(OrganisationId organisation, UUID id) {
        return jdbc.sql(INDICATOR + " where gi.organisation_id = ? and gi.id = ?")
                .params(organisation.value(), id)
                .query(Goals::indicator)
                .optional();
    }

    public void insertIndicator(OrganisationId organisation, GoalIndicator indicator) {
        jdbc.sql(
                        "insert into goal_indicator (id, organisation_id, goal_id, indicator_id, gender, baseline_year,"
                                + " baseline_value, target_value, target_year, direction) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        indicator.id(),
                        organisation.value(),
                        indicator.goalId(),
                        indicator.indicatorId(),
                        gender(indicator.gender()),
                        indicator.baselineYear(),
                        indicator.baselineValue(),
                        indicator.targetValue(),
                        indicator.targetYear(),
                        indicator.direction().name())
                .update();
    }

    public int updateIndicator(OrganisationId organisation, GoalIndicator indicator) {
        return jdbc.sql("update goal_indicator set baseline_year = ?, baseline_value = ?, target_value = ?,"
                        + " target_year = ?, direction = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        indicator.baselineYear(),
                        indicator.baselineValue(),
                        indicator.targetValue(),
                        indicator.targetYear(),
                        indicator.direction().name(),
                        organisation.value(),
                        indicator.id(),
                        indicator.version())
                .update();
    }

    public int deleteIndicator(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from goal_indicator where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    /** Marks the goal changed (a change to one of its indicators), so that concurrent saves see it. */
    public void touch(OrganisationId organisation, UUID id, String by) {
        jdbc.sql("update goal set version = version + 1, updated_at = now(), updated_by = ?"
                        + " where organisation_id = ? and id = ?")
                .params(by, organisation.value(), id)
                .update();
    }

    private static final List<String> GENDERS = List.of("total", "male", "female");

    private static short gender(String code) {
        int index = GENDERS.indexOf(code);
        return (short) Math.max(index, 0);
    }

    private static Goal goal(ResultSet rs, int row) throws SQLException {
        java.sql.Array groups = rs.getArray("target_groups");
        return new Goal(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("line_id", UUID.class),
                rs.getInt("ref"),
                rs.getInt("position"),
                Rows.text(rs, "title"),
                Rows.text(rs, "description"),
                Rows.uuids(rs, "dimension_ids"),
                groups == null
                        ? List.of()
                        : Arrays.stream((String[]) groups.getArray())
                                .map(TargetGroup::valueOf)
                                .toList(),
                rs.getString("inequality_focus"),
                rs.getObject("owner_person_id", UUID.class),
                rs.getObject("owner_body_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }

    private static GoalIndicator indicator(ResultSet rs, int row) throws SQLException {
        return new GoalIndicator(
                rs.getObject("id", UUID.class),
                rs.getObject("goal_id", UUID.class),
                rs.getInt("indicator_id"),
                GENDERS.get(rs.getInt("gender")),
                (Integer) rs.getObject("baseline_year"),
                rs.getBigDecimal("baseline_value"),
                rs.getBigDecimal("target_value"),
                (Integer) rs.getObject("target_year"),
                TargetDirection.valueOf(rs.getString("direction")),
                rs.getInt("version"));
    }
}
