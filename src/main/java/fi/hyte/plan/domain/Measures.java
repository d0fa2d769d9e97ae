package fi.hyte.plan.domain;

import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The measures of a plan. */
@Repository
public class Measures {

    private static final String SELECT = "select id, plan_id, goal_id, ref, position, title_fi, title_sv,"
            + " description_fi, description_sv, sector_id, owner_person_id, partner_sector_ids, partners, starts_on,"
            + " ends_on, work_years, euros, grants, grant_euros, premises, budget_ref, budget_binding, status,"
            + " progress, version, updated_at, updated_by from measure";

    private final JdbcClient jdbc;

    Measures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Measure> of(OrganisationId organisation, UUID plan) {
        return jdbc.sql(SELECT + " where organisation_id = ? and plan_id = ? order by goal_id, position, ref")
                .params(organisation.value(), plan)
                .query(Measures::measure)
                .list();
    }

    public Optional<Measure> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Measures::measure)
                .optional();
    }

    public void insert(OrganisationId organisation, Measure m, String by) {
        jdbc.sql("insert into measure (id, organisation_id, plan_id, goal_id, ref, position, title_fi, title_sv,"
                        + " description_fi, description_sv, sector_id, owner_person_id, partner_sector_ids, partners,"
                        + " starts_on, ends_on, work_years, euros, grants, grant_euros, premises, budget_ref,"
                        + " budget_binding, status, progress, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " cast(? as uuid[]), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id(),
                        organisation.value(),
                        m.planId(),
                        m.goalId(),
                        m.ref(),
                        m.position(),
                        Rows.fi(m.title()),
                        Rows.sv(m.title()),
                        Rows.fi(m.description()),
                        Rows.sv(m.description()),
                        m.sectorId(),
                        m.ownerPersonId(),
                        Rows.uuidArray(m.partnerSectorIds()),
                        m.partners(),
                        m.startsOn(),
                        m.endsOn(),
                        m.workYears(),
                        m.euros(),
                        m.grants(),
                        m.grantEuros(),
                        m.premises(),
                        m.budgetRef(),
                        m.budgetBinding(),
                        m.status().name(),
                        m.progress(),
                        by)
                .update();
    }

    public int update(OrganisationId organisation, Measure m, String by) {
        return jdbc.sql("update measure set goal_id = ?, position = ?, title_fi = ?, title_sv = ?, description_fi = ?,"
                        + " description_sv = ?, sector_id = ?, owner_person_id = ?,"
                        + " partner_sector_ids = cast(? as uuid[]), partners = ?, starts_on = ?, ends_on = ?,"
                        + " work_years = ?, euros = ?, grants = ?, grant_euros = ?, premises = ?, budget_ref = ?,"
                        + " budget_binding = ?, status = ?, progress = ?, version = version + 1, updated_at = now(),"
                        + " updated_by = ? where organisation_id = ? and id = ? and version = ?")
                .params(
                        m.goalId(),
                        m.position(),
                        Rows.fi(m.title()),
                        Rows.sv(m.title()),
                        Rows.fi(m.description()),
                        Rows.sv(m.description()),
                        m.sectorId(),
                        m.ownerPersonId(),
                        Rows.uuidArray(m.partnerSectorIds()),
                        m.partners(),
                        m.startsOn(),
                        m.endsOn(),
                        m.workYears(),
                        m.euros(),
                        m.grants(),
                        m.grantEuros(),
                        m.premises(),
                        m.budgetRef(),
                        m.budgetBinding(),
                        m.status().name(),
                        m.progress(),
                        by,
                        organisation.value(),
                        m.id(),
                        m.version())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from measure where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    private static Measure measure(ResultSet rs, int row) throws SQLException {
        return new Measure(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("goal_id", UUID.class),
                rs.getInt("ref"),
                rs.getInt("position"),
                Rows.text(rs, "title"),
                Rows.text(rs, "description"),
                rs.getObject("sector_id", UUID.class),
                rs.getObject("owner_person_id", UUID.class),
                Rows.uuids(rs, "partner_sector_ids"),
                rs.getString("partners"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getBigDecimal("work_years"),
                rs.getBigDecimal("euros"),
                rs.getString("grants"),
                rs.getBigDecimal("grant_euros"),
                rs.getString("premises"),
                rs.getString("budget_ref"),
                rs.getBoolean("budget_binding"),
                MeasureStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"),
                rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }
}
