package fi.hyte.plan.domain;

import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans, their policy lines and the organisation's wellbeing dimensions. */
@Repository
public class Plans {

    private static final String PLAN = "select id, title_fi, title_sv, first_year, last_year, strategy_title,"
            + " strategy_url, example, version from plan";
    private static final String LINE = "select id, plan_id, ref, position, title_fi, title_sv, description_fi,"
            + " description_sv, strategy_ref, version from policy_line";

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's plans, the latest period first. */
    public List<Plan> of(OrganisationId organisation) {
        return jdbc.sql(PLAN + " where organisation_id = ? order by first_year desc")
                .param(organisation.value())
                .query(Plans::plan)
                .list();
    }

    public Optional<Plan> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(PLAN + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Plans::plan)
                .optional();
    }

    /** The plan whose period covers the year, else the latest one. */
    public Optional<Plan> current(OrganisationId organisation, int year) {
        List<Plan> plans = of(organisation);
        return plans.stream()
                .filter(p -> p.covers(year))
                .findFirst()
                .or(() -> plans.stream().findFirst());
    }

    public void insert(OrganisationId organisation, Plan plan) {
        jdbc.sql("insert into plan (id, organisation_id, title_fi, title_sv, first_year, last_year, strategy_title,"
                        + " strategy_url, example) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        plan.id(),
                        organisation.value(),
                        Rows.fi(plan.title()),
                        Rows.sv(plan.title()),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.strategyTitle(),
                        plan.strategyUrl(),
                        plan.example())
                .update();
    }

    public int update(OrganisationId organisation, Plan plan) {
        return jdbc.sql(
                        "update plan set title_fi = ?, title_sv = ?, first_year = ?, last_year = ?, strategy_title = ?,"
                                + " strategy_url = ?, version = version + 1 where organisation_id = ? and id = ? and version = ?")
                .params(
                        Rows.fi(plan.title()),
                        Rows.sv(plan.title()),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.strategyTitle(),
                        plan.strategyUrl(),
                        organisation.value(),
                        plan.id(),
                        plan.version())
                .update();
    }

    /** The kinds of numbered parts of a plan; each has its own counter. */
    public enum Numbered {
        LINE("next_line_ref"),
        GOAL("next_goal_ref"),
        MEASURE("next_measure_ref");

        private final String column;

        Numbered(String column) {
            this.column = column;
        }
    }

    /**
     * Reserves the plan's next number for a line, goal or measure. The row lock it takes also
     * serialises concurrent additions to one plan, so numbers never repeat.
     */
    public int nextRef(OrganisationId organisation, UUID plan, Numbered kind) {
        return jdbc.sql("update plan set " + kind.column + " = " + kind.column + " + 1 where organisation_id = ?"
                        + " and id = ? returning " + kind.column + " - 1")
                .params(organisation.value(), plan)
                .query(Integer.class)
                .single();
    }

    /** Records that a goal of a new term's plan started as a copy of an earlier goal of the organisation. */
    public void linkCopiedGoal(OrganisationId organisation, UUID goal, UUID copiedFrom) {
        jdbc.sql("update goal set copied_from = ? where organisation_id = ? and id = ?")
                .params(copiedFrom, organisation.value(), goal)
                .update();
    }

    /** The earlier goal this goal started as a copy of, if it did and that goal still exists. */
    public Optional<UUID> copiedFrom(OrganisationId organisation, UUID goal) {
        return jdbc.sql("select copied_from from goal where organisation_id = ? and id = ? and copied_from is not null")
                .params(organisation.value(), goal)
                .query(UUID.class)
                .optional();
    }

    public List<PolicyLine> lines(OrganisationId organisation, UUID plan) {
        return jdbc.sql(LINE + " where organisation_id = ? and plan_id = ? order by position, ref")
                .params(organisation.value(), plan)
                .query(Plans::line)
                .list();
    }

    public Optional<PolicyLine> findLine(OrganisationId organisation, UUID id) {
        return jdbc.sql(LINE + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Plans::line)
                .optional();
    }

    public void insertLine(OrganisationId organisation, PolicyLine line) {
        jdbc.sql("insert into policy_line (id, organisation_id, plan_id, ref, position, title_fi, title_sv,"
                        + " description_fi, description_sv, strategy_ref) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        line.id(),
                        organisation.value(),
                        line.planId(),
                        line.ref(),
                        line.position(),
                        Rows.fi(line.title()),
                        Rows.sv(line.title()),
                        Rows.fi(line.description()),
                        Rows.sv(line.description()),
                        line.strategyRef())
                .update();
    }

    public int updateLine(OrganisationId organisation, PolicyLine line) {
        return jdbc.sql("update policy_line set position = ?, title_fi = ?, title_sv = ?, description_fi = ?,"
                        + " description_sv = ?, strategy_ref = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        line.position(),
                        Rows.fi(line.title()),
                        Rows.sv(line.title()),
                        Rows.fi(line.description()),
                        Rows.sv(line.description()),
                        line.strategyRef(),
                        organisation.value(),
                        line.id(),
                        line.version())
                .update();
    }

    public int deleteLine(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from policy_line where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    public List<Dimension> dimensions(OrganisationId organisation) {
        return jdbc.sql("select id, name_fi, name_sv, position, version from plan_dimension"
                        + " where organisation_id = ? order by position, name_fi")
                .param(organisation.value())
                .query((rs, n) -> new Dimension(
                        rs.getObject("id", UUID.class),
                        Rows.text(rs, "name"),
                        rs.getInt("position"),
                        rs.getInt("version")))
                .list();
    }

    public void insertDimension(OrganisationId organisation, Dimension dimension) {
        jdbc.sql("insert into plan_dimension (id, organisation_id, name_fi, name_sv, position) values (?, ?, ?, ?, ?)")
                .params(
                        dimension.id(),
                        organisation.value(),
                        Rows.fi(dimension.name()),
                        Rows.sv(dimension.name()),
                        dimension.position())
                .update();
    }

    public int updateDimension(OrganisationId organisation, Dimension dimension) {
        return jdbc.sql("update plan_dimension set name_fi = ?, name_sv = ?, position = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        Rows.fi(dimension.name()),
                        Rows.sv(dimension.name()),
                        dimension.position(),
                        organisation.value(),
                        dimension.id(),
                        dimension.version())
                .update();
    }

    /** Removes a dimension and its mark from every goal of the organisation. */
    public int deleteDimension(OrganisationId organisation, UUID id, int version) {
        jdbc.sql("update goal set dimension_ids = array_remove(dimension_ids, ?) where organisation_id = ?")
                .params(id, organisation.value())
                .update();
        return jdbc.sql("delete from plan_dimension where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(
                rs.getObject("id", UUID.class),
                Rows.text(rs, "title"),
                rs.getInt("first_year"),
                rs.getInt("last_year"),
                rs.getString("strategy_title"),
                rs.getString("strategy_url"),
                rs.getBoolean("example"),
                rs.getInt("version"));
    }

    private static PolicyLine line(ResultSet rs, int row) throws SQLException {
        return new PolicyLine(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getInt("ref"),
                rs.getInt("position"),
                Rows.text(rs, "title"),
                Rows.text(rs, "description"),
                rs.getString("strategy_ref"),
                rs.getInt("version"));
    }
}
