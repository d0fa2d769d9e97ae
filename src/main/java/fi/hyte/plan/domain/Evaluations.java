package fi.hyte.plan.domain;

import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Yearly evaluations of goals and measures. */
@Repository
public class Evaluations {

    private static final String SELECT = "select id, goal_id, measure_id, year, realised, assessment, evidence,"
            + " evidence_url, version, updated_at, updated_by from evaluation";

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Evaluation> of(OrganisationId organisation, UUID plan) {
        return jdbc.sql(SELECT + " where organisation_id = ? and plan_id = ? order by year")
                .params(organisation.value(), plan)
                .query(Evaluations::evaluation)
                .list();
    }

    public Optional<Evaluation> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Evaluations::evaluation)
                .optional();
    }

    /** The evaluation of a goal or measure (whichever id is given) for one year. */
    public Optional<Evaluation> findFor(OrganisationId organisation, UUID goal, UUID measure, int year) {
        return jdbc.sql(SELECT + " where organisation_id = ? and year = ? and "
                        + (goal != null ? "goal_id = ?" : "measure_id = ?"))
                .params(organisation.value(), year, goal != null ? goal : measure)
                .query(Evaluations::evaluation)
                .optional();
    }

    public void insert(OrganisationId organisation, UUID plan, Evaluation e, String by) {
        jdbc.sql("insert into evaluation (id, organisation_id, plan_id, goal_id, measure_id, year, realised,"
                        + " assessment, evidence, evidence_url, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        organisation.value(),
                        plan,
                        e.goalId(),
                        e.measureId(),
                        e.year(),
                        e.realised().name(),
                        e.assessment(),
                        e.evidence(),
                        e.evidenceUrl(),
                        by)
                .update();
    }

    public int update(OrganisationId organisation, Evaluation e, String by) {
        return jdbc.sql("update evaluation set realised = ?, assessment = ?, evidence = ?, evidence_url = ?,"
                        + " version = version + 1, updated_at = now(), updated_by = ?"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        e.realised().name(),
                        e.assessment(),
                        e.evidence(),
                        e.evidenceUrl(),
                        by,
                        organisation.value(),
                        e.id(),
                        e.version())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from evaluation where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    private static Evaluation evaluation(ResultSet rs, int row) throws SQLException {
        return new Evaluation(
                rs.getObject("id", UUID.class),
                rs.getObject("goal_id", UUID.class),
                rs.getObject("measure_id", UUID.class),
                rs.getInt("year"),
                Realisation.valueOf(rs.getString("realised")),
                rs.getString("assessment"),
                rs.getString("evidence"),
                rs.getString("evidence_url"),
                rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }
}
