package fi.hyte.impact.domain;

import fi.hyte.platform.DataRevisions;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Decision cases with their alternatives, cells, hearings, follow-ups and frozen versions; every query by organisation. */
@Repository
public class DecisionCases {

    private static final String CASE =
            "select id, title_fi, title_sv, description_fi, description_sv, body_id, sector_id,"
                    + " preparers, diary_number, case_url, starts_on, assessment_due, meeting_on, status, not_assessed_reason,"
                    + " need, template_version, screening::text, needs::text, decided_body_id, decided_on, decision_paragraph,"
                    + " chosen_alternative, minutes_url, summary_fi, summary_sv, frozen_at, example, created_at, version"
                    + " from impact_case";
    private static final String ALTERNATIVE =
            "select id, case_id, position, kind, name_fi, name_sv, cost_euros, version from impact_alternative";
    private static final String CELL =
            "select id, alternative_id, row_key, term, direction, magnitude, reasoning, evidence,"
                    + " indicator_id, indicator_snapshot, mitigation, updated_by, version, hearing_ids, hearing_snapshot"
                    + " from impact_cell";
    private static final String HEARING =
            "select id, case_id, who, held_on, method, participants, said, done, url, version, consultation_id from impact_hearing";
    private static final String FOLLOW_UP =
            "select id, case_id, what, indicator_id, expected, responsible, due_on, goal_id,"
                    + " measure_id, measure_ref, outcome, version from impact_follow_up";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final DataRevisions revisions;

    DecisionCases(JdbcClient jdbc, JsonMapper json, DataRevisions revisions) {
        this.jdbc = jdbc;
        this.json = json;
        this.revisions = revisions;
    }

    public List<DecisionCase> of(OrganisationId organisation) {
        return jdbc.sql(CASE + " where organisation_id = ? order by created_at desc, id")
                .param(organisation.value())
                .query(this::decisionCase)
                .list();
    }

    public Optional<DecisionCase> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(CASE + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(this::decisionCase)
                .optional();
    }

    public Optional<DecisionCase> byDiaryNumber(OrganisationId organisation, String diaryNumber) {
        return jdbc.sql(CASE + " where organisation_id = ? and lower(diary_number) = lower(?)")
                .params(organisation.value(), diaryNumber)
                .query(this::decisionCase)
                .optional();
    }

    public void insert(OrganisationId organisation, DecisionCase c) {
        jdbc.sql(
                        "insert into impact_case (id, organisation_id, title_fi, title_sv, description_fi, description_sv, body_id,"
                                + " sector_id, preparers, diary_number, case_url, starts_on, assessment_due, meeting_on, status,"
                                + " template_version, example) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        organisation.value(),
                        c.title().fi(),
                        c.title().sv(),
                        c.description().fi(),
                        c.description().sv(),
                        c.bodyId(),
                        c.sectorId(),
                        c.preparers().toArray(new UUID[0]),
                        c.diaryNumber(),
                        c.caseUrl(),
                        date(c.startsOn()),
                        date(c.assessmentDue()),
                        date(c.meetingOn()),
                        c.status().name(),
                        c.templateVersion(),
                        c.example())
                .update();
    }

    /** Saves the case's details if its version is still the one given; returns the rows changed. */
    public int updateDetails(OrganisationId organisation, DecisionCase c, int version) {
        return jdbc.sql("update impact_case set title_fi = ?, title_sv = ?, description_fi = ?, description_sv = ?,"
                        + " body_id = ?, sector_id = ?, preparers = ?, diary_number = ?, case_url = ?, starts_on = ?,"
                        + " assessment_due = ?, meeting_on = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        c.title().fi(),
                        c.title().sv(),
                        c.description().fi(),
                        c.description().sv(),
                        c.bodyId(),
                        c.sectorId(),
                        c.preparers().toArray(new UUID[0]),
                        c.diaryNumber(),
                        c.caseUrl(),
                        date(c.startsOn()),
                        date(c.assessmentDue()),
                        date(c.meetingOn()),
                        organisation.value(),
                        c.id(),
                        version)
                .update();
    }

    public int updateScreening(OrganisationId organisation, UUID id, Screening screening, Need need, int version) {
        return jdbc.sql("update impact_case set screening = cast(? as jsonb), need = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        json.writeValueAsString(screening),
                        need == null ? null : need.name(),
                        organisation.value(),
                        id,
                        version)
                .update();
    }

    public int updateNeeds(OrganisationId organisation, UUID id, NeedsTests needs, int version) {
        return jdbc.sql("update impact_case set needs = cast(? as jsonb), version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(json.writeValueAsString(needs), organisation.value(), id, version)
                .update();
    }

    public int updateStatus(
            OrganisationId organisation,
            UUID id,
            CaseStatus to,
            String notAssessedReason,
            boolean frozen,
            int version) {
        return jdbc.sql("update impact_case set status = ?, not_assessed_reason = ?,"
                        + " frozen_at = case when ? then now() else frozen_at end, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(to.name(), notAssessedReason, frozen, organisation.value(), id, version)
                .update();
    }

    public int updateDecision(OrganisationId organisation, UUID id, DecisionCase.Decision d, int version) {
        return jdbc.sql("update impact_case set status = 'DECIDED', decided_body_id = ?, decided_on = ?,"
                        + " decision_paragraph = ?, chosen_alternative = ?, minutes_url = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ? and status = 'READY'")
                .params(
                        d.bodyId(),
                        date(d.decidedOn()),
                        d.paragraph(),
                        d.alternative(),
                        d.minutesUrl(),
                        organisation.value(),
                        id,
                        version)
                .update();
    }

    public int updateSummary(OrganisationId organisation, UUID id, String fi, String sv, int version) {
        return jdbc.sql("update impact_case set summary_fi = ?, summary_sv = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(fi, sv, organisation.value(), id, version)
                .update();
    }

    public int updateTemplateVersion(OrganisationId organisation, UUID id, int templateVersion, int version) {
        return jdbc.sql("update impact_case set template_version = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(templateVersion, organisation.value(), id, version)
                .update();
    }

    // Alternatives

    public List<Alternative> alternatives(OrganisationId organisation, UUID caseId) {
        return jdbc.sql(ALTERNATIVE + " where organisation_id = ? and case_id = ? order by position, id")
                .params(organisation.value(), caseId)
                .query(DecisionCases::alternative)
                .list();
    }

    public void insertAlternative(OrganisationId organisation, Alternative a) {
        jdbc.sql(
                        "insert into impact_alternative (id, organisation_id, case_id, position, kind, name_fi, name_sv, cost_euros)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        organisation.value(),
                        a.caseId(),
                        a.position(),
                        a.kind().name(),
                        a.name().fi(),
                        a.name().sv(),
                        a.costEuros())
                .update();
    }

    public int updateAlternative(OrganisationId organisation, Alternative a) {
        return jdbc.sql("update impact_alternative set name_fi = ?, name_sv = ?, cost_euros = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and case_id = ? and version = ?")
                .params(
                        a.name().fi(),
                        a.name().sv(),
                        a.costEuros(),
                        organisation.value(),
                        a.id(),
                        a.caseId(),
                        a.version())
                .update();
    }

    public int deleteAlternative(OrganisationId organisation, UUID caseId, UUID id, int version) {
        return jdbc.sql(
                        "delete from impact_alternative where organisation_id = ? and case_id = ? and id = ? and version = ?"
                                + " and kind = 'OTHER'")
                .params(organisation.value(), caseId, id, version)
                .update();
    }

    // Cells

    public List<Cell> cells(OrganisationId organisation, UUID caseId) {
        return jdbc.sql(CELL + " where organisation_id = ? and case_id = ?")
                .params(organisation.value(), caseId)
                .query(DecisionCases::cell)
                .list();
    }

    private static UUID[] hearingIds(Cell cell) {
        return cell.hearingIds().toArray(new UUID[0]);
    }

    /** The cell's hearings and their text after one of them was removed; the cell's version stays. */
    public void updateHearings(OrganisationId organisation, UUID cell, List<UUID> hearingIds, String snapshot) {
        jdbc.sql("update impact_cell set hearing_ids = cast(? as uuid[]), hearing_snapshot = ?"
                        + " where organisation_id = ? and id = ?")
                .params(hearingIds.toArray(new UUID[0]), snapshot, organisation.value(), cell)
                .update();
    }

    /** The cell's hearing evidence renewed at freezing; the cell's version stays (nobody edited it). */
    public void updateHearingSnapshot(OrganisationId organisation, UUID cell, String snapshot) {
        jdbc.sql("update impact_cell set hearing_snapshot = ? where organisation_id = ? and id = ?")
                .params(snapshot, organisation.value(), cell)
                .update();
    }

    /** The cell's indicator evidence renewed at freezing; the cell's version stays (nobody edited it). */
    public void updateIndicatorSnapshot(OrganisationId organisation, UUID cell, String snapshot) {
        jdbc.sql("update impact_cell set indicator_snapshot = ? where organisation_id = ? and id = ?")
                .params(snapshot, organisation.value(), cell)
                .update();
    }

    public Optional<Cell> cell(OrganisationId organisation, UUID caseId, UUID alternative, String row, Cell.Term term) {
        return jdbc.sql(
                        CELL
                                + " where organisation_id = ? and case_id = ? and alternative_id = ? and row_key = ? and term = ?")
                .params(organisation.value(), caseId, alternative, row, term.name())
                .query(DecisionCases::cell)
                .optional();
    }

    /**
     * Saves a cell if nobody saved it since the version the user saw (−1: the user saw it empty);
     * returns whether it was saved.
     */
    public boolean saveCell(OrganisationId organisation, UUID caseId, Cell cell, int seenVersion) {
        if (seenVersion < 0) {
            return jdbc.sql(
                                    "insert into impact_cell (id, organisation_id, case_id, alternative_id, row_key, term, direction,"
                                            + " magnitude, reasoning, evidence, indicator_id, indicator_snapshot, mitigation, updated_by,"
                                            + " hearing_ids, hearing_snapshot)"
                                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as uuid[]), ?) on conflict do nothing")
                            .params(
                                    UUID.randomUUID(),
                                    organisation.value(),
                                    caseId,
                                    cell.alternativeId(),
                                    cell.rowKey(),
                                    cell.term().name(),
                                    cell.direction().name(),
                                    cell.magnitude() == null
                                            ? null
                                            : cell.magnitude().name(),
                                    cell.reasoning(),
                                    cell.evidence(),
                                    cell.indicatorId(),
                                    cell.indicatorSnapshot(),
                                    cell.mitigation(),
                                    cell.updatedBy(),
                                    hearingIds(cell),
                                    cell.hearingSnapshot())
                            .update()
                    == 1;
        }
        return jdbc.sql(
                                "update impact_cell set direction = ?, magnitude = ?, reasoning = ?, evidence = ?, indicator_id = ?,"
                                        + " indicator_snapshot = ?, mitigation = ?, updated_by = ?, hearing_ids = cast(? as uuid[]),"
                                        + " hearing_snapshot = ?, version = version + 1"
                                        + " where organisation_id = ? and case_id = ? and alternative_id = ? and row_key = ?"
                                        + " and term = ? and version = ?")
                        .params(
                                cell.direction().name(),
                                cell.magnitude() == null
                                        ? null
                                        : cell.magnitude().name(),
                                cell.reasoning(),
                                cell.evidence(),
                                cell.indicatorId(),
                                cell.indicatorSnapshot(),
                                cell.mitigation(),
                                cell.updatedBy(),
                                hearingIds(cell),
                                cell.hearingSnapshot(),
                                organisation.value(),
                                caseId,
                                cell.alternativeId(),
                                cell.rowKey(),
                                cell.term().name(),
                                seenVersion)
                        .update()
                == 1;
    }

    // Hearings and follow-up

    public List<Hearing> hearings(OrganisationId organisation, UUID caseId) {
        return jdbc.sql(HEARING + " where organisation_id = ? and case_id = ? order by held_on nulls last, id")
                .params(organisation.value(), caseId)
                .query(DecisionCases::hearing)
                .list();
    }

    public void insertHearing(OrganisationId organisation, Hearing h) {
        jdbc.sql(
                        "insert into impact_hearing (id, organisation_id, case_id, who, held_on, method, participants, said, done, url,"
                                + " consultation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        h.id(),
                        organisation.value(),
                        h.caseId(),
                        h.who().name(),
                        date(h.heldOn()),
                        h.method(),
                        h.participants(),
                        h.said(),
                        h.done(),
                        h.url(),
                        h.consultationId())
                .update();
    }

    public int deleteHearing(OrganisationId organisation, UUID caseId, UUID id) {
        return jdbc.sql("delete from impact_hearing where organisation_id = ? and case_id = ? and id = ?")
                .params(organisation.value(), caseId, id)
                .update();
    }

    public List<FollowUp> followUps(OrganisationId organisation, UUID caseId) {
        return jdbc.sql(FOLLOW_UP + " where organisation_id = ? and case_id = ? order by due_on nulls last, id")
                .params(organisation.value(), caseId)
                .query(DecisionCases::followUp)
                .list();
    }

    /** Follow-ups of the organisation due by the day and without an outcome. */
    public List<FollowUp> followUpsDue(OrganisationId organisation, LocalDate by) {
        return jdbc.sql(FOLLOW_UP + " where organisation_id = ? and outcome is null and due_on <= ? order by due_on")
                .params(organisation.value(), Date.valueOf(by))
                .query(DecisionCases::followUp)
                .list();
    }

    public void insertFollowUp(OrganisationId organisation, FollowUp f) {
        jdbc.sql(
                        "insert into impact_follow_up (id, organisation_id, case_id, what, indicator_id, expected, responsible,"
                                + " due_on, goal_id, measure_id, measure_ref) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        f.id(),
                        organisation.value(),
                        f.caseId(),
                        f.what(),
                        f.indicatorId(),
                        f.expected() == null ? null : f.expected().name(),
                        f.responsible(),
                        date(f.dueOn()),
                        f.goalId(),
                        f.measureId(),
                        f.measureRef())
                .update();
    }

    public int recordOutcome(OrganisationId organisation, UUID caseId, UUID id, FollowUp.Outcome outcome, int version) {
        return jdbc.sql("update impact_follow_up set outcome = ?, version = version + 1"
                        + " where organisation_id = ? and case_id = ? and id = ? and version = ?")
                .params(outcome.name(), organisation.value(), caseId, id, version)
                .update();
    }

    // Frozen versions

    /** A frozen assessment: its number, when it was frozen and reopened (and why), and its content as JSON. */
    public record Frozen(
            int number, OffsetDateTime frozenAt, OffsetDateTime reopenedAt, String reopenReason, String content) {}

    public void insertFrozen(OrganisationId organisation, UUID caseId, String content) {
        jdbc.sql(
                        "insert into impact_frozen (id, organisation_id, case_id, number, content) values (?, ?, ?,"
                                + " (select coalesce(max(number), 0) + 1 from impact_frozen where case_id = ?), cast(? as jsonb))")
                .params(UUID.randomUUID(), organisation.value(), caseId, caseId, content)
                .update();
    }

    public void markReopened(OrganisationId organisation, UUID caseId, String reason) {
        jdbc.sql("update impact_frozen set reopened_at = now(), reopen_reason = ?, version = version + 1"
                        + " where organisation_id = ? and case_id = ? and reopened_at is null")
                .params(reason, organisation.value(), caseId)
                .update();
    }

    public List<Frozen> frozen(OrganisationId organisation, UUID caseId) {
        return jdbc.sql("select number, frozen_at, reopened_at, reopen_reason, content::text from impact_frozen"
                        + " where organisation_id = ? and case_id = ? order by number desc")
                .params(organisation.value(), caseId)
                .query((rs, i) -> new Frozen(
                        rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    // Cross-decision reading

    /**
     * The organisation's data revision ({@link DataRevisions}): raised in the same transaction as any
     * change to one of its cases, alternatives, cells or hearings, and to the rest of its data; 0
     * before the first.
     */
    public long revision(OrganisationId organisation) {
        return revisions.of(organisation).of(organisation);
    }

    /**
     * Negative impacts of the organisation's other cases on the given rows, and the other cases with
     * any negative impact that concern one of the given areas, from the proposal (or the chosen
     * alternative once decided), with a meeting or decision date since the day. Only what the
     * cross-check asks for is read: a row's hit has {@code rowKey}, an area's hit has {@code areas};
     * per row and per area the latest {@link #NAMED_PER_FINDING} cases.
     */
    public List<OtherImpact> negativeElsewhere(
            OrganisationId organisation, UUID except, LocalDate since, List<String> rows, List<String> areas) {
        String from = " from impact_case c join impact_alternative a on a.case_id = c.id and " + COUNTED
                + " join impact_cell x on x.alternative_id = a.id and x.direction = 'NEGATIVE'";
        String where = " where c.organisation_id = ? and x.organisation_id = c.organisation_id and c.id <> ?"
                + " and c.status <> 'NOT_ASSESSED' and coalesce(c.decided_on, c.meeting_on, c.created_at::date) >= ?";
        List<OtherImpact> found = new ArrayList<>();
        if (!rows.isEmpty()) {
            found.addAll(
                    latest("x.row_key", from + where + " and x.row_key = any(?)", organisation, except, since, rows)
                            .stream()
                            .map(o -> new OtherImpact(o.caseId(), o.title(), o.on(), o.rowKey(), List.of()))
                            .toList());
        }
        if (!areas.isEmpty()) {
            // Per area the latest cases of the window with the area and any negative impact (an
            // exists per case, a limit per area) rather than joining every negative cell of the
            // window's cases: 106–187 ms instead of 265–484 ms in the 10,000-case benchmark's
            // database (docs/benchmarks.md, Session 5).
            jdbc.sql("select k.area, t.id, t.title_fi, t.day from unnest(?::text[]) k(area) cross join lateral ("
                            + " select c.id, c.title_fi, coalesce(c.decided_on, c.meeting_on) as day from impact_case c"
                            + " where c.organisation_id = ? and c.id <> ? and c.status <> 'NOT_ASSESSED'"
                            + " and coalesce(c.decided_on, c.meeting_on, c.created_at::date) >= ?"
                            + " and (c.screening -> 'areas') @> jsonb_build_array(k.area)"
                            + " and exists (select 1 from impact_alternative a join impact_cell x on x.alternative_id = a.id"
                            + " where a.case_id = c.id and " + COUNTED + " and x.direction = 'NEGATIVE')"
                            + " order by day desc nulls last, c.id limit " + NAMED_PER_FINDING
                            + ") t order by k.area, t.day desc nulls last, t.id")
                    .params(areas.toArray(new String[0]), organisation.value(), except, Date.valueOf(since))
                    .query((rs, i) -> new OtherImpact(
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getObject(4, LocalDate.class),
                            null,
                            List.of(rs.getString(1))))
                    .list()
                    .forEach(found::add);
        }
        return found;
    }

    /** At most this many other cases are named per row or area, the latest first. */
    public static final int NAMED_PER_FINDING = 10;

    /** The latest other cases per key (a row or an area), each case once per key; one query. */
    private List<OtherImpact> latest(
            String key,
            String fromWhere,
            OrganisationId organisation,
            UUID except,
            LocalDate since,
            List<String> keys) {
        return jdbc.sql("select k, id, title_fi, day from (select " + key + " as k, c.id, c.title_fi,"
                        + " coalesce(c.decided_on, c.meeting_on) as day, row_number() over (partition by " + key
                        + " order by coalesce(c.decided_on, c.meeting_on) desc nulls last, c.id) as n" + fromWhere
                        + " group by " + key + ", c.id) t where n <= " + NAMED_PER_FINDING + " order by k, n")
                .params(organisation.value(), except, Date.valueOf(since), keys.toArray(new String[0]))
                .query((rs, i) -> new OtherImpact(
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(1),
                        List.of()))
                .list();
    }

    /** A negative impact found in another case. */
    public record OtherImpact(UUID caseId, String title, LocalDate on, String rowKey, List<String> areas) {}

    /** Decided cases of a year whose rules said REQUIRED, with whether each was frozen before its decision date. */
    public List<ShareRow> decidedRequired(OrganisationId organisation, int year) {
        return jdbc.sql(
                        "select id, title_fi, coalesce(decided_body_id, body_id), sector_id, frozen_at is not null and frozen_at::date <= decided_on,"
                                + " needs::text, status, not_assessed_reason"
                                + " from impact_case where organisation_id = ? and need = 'REQUIRED'"
                                + " and ((status in ('DECIDED', 'FOLLOW_UP', 'CLOSED') and extract(year from decided_on) = ?)"
                                + " or (status = 'NOT_ASSESSED' and extract(year from coalesce(meeting_on, created_at::date)) = ?))")
                .params(organisation.value(), year, year)
                .query((rs, i) -> new ShareRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getBoolean(5),
                        json.readValue(rs.getString(6), NeedsTests.class),
                        CaseStatus.valueOf(rs.getString(7)),
                        rs.getString(8)))
                .list();
    }

    /** A case counted in the share of key decisions assessed. */
    public record ShareRow(
            UUID id,
            String title,
            UUID bodyId,
            UUID sectorId,
            boolean assessedInTime,
            NeedsTests needs,
            CaseStatus status,
            String skippedReason) {}

    /** What the cross-decision view filters by; each null means "any". */
    public record DecisionFilter(UUID goal, String group, String area, UUID sector, Integer year) {
        public static DecisionFilter none() {
            return new DecisionFilter(null, null, null, null, null);
        }
    }

    /**
     * A decided case in the cross-decision view: the counted alternative's (chosen, or the proposal)
     * impacts counted by direction, and its direction on the filtered group row in both terms.
     */
    public record Decided(
            UUID id,
            LocalizedText title,
            LocalDate decidedOn,
            UUID bodyId,
            UUID sectorId,
            boolean example,
            int positive,
            int negative,
            int uncertain,
            Cell.Direction groupShort,
            Cell.Direction groupLong) {}

    private static final String DECIDED_STATES = "c.status in ('DECIDED', 'FOLLOW_UP', 'CLOSED')";

    private static final String COUNTED =
            "(a.id = c.chosen_alternative or (c.chosen_alternative is null and a.kind = 'PROPOSAL'))";

    /** The where-clause of the filter over impact_case c, and its parameters after the organisation. */
    private static String where(DecisionFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where c.organisation_id = ? and " + DECIDED_STATES);
        if (f.year() != null) {
            sql.append(" and c.decided_on >= make_date(?, 1, 1) and c.decided_on < make_date(?, 1, 1)");
            params.add(f.year());
            params.add(f.year() + 1);
        }
        if (f.sector() != null) {
            sql.append(" and c.sector_id = ?");
            params.add(f.sector());
        }
        if (f.area() != null) {
            sql.append(" and c.screening -> 'areas' @> jsonb_build_array(cast(? as text))");
            params.add(f.area());
        }
        if (f.goal() != null) {
            sql.append(" and exists (select 1 from impact_follow_up g where g.organisation_id = c.organisation_id"
                    + " and g.case_id = c.id and g.goal_id = ?)");
            params.add(f.goal());
        }
        if (f.group() != null) {
            sql.append(" and exists (select 1 from impact_cell x join impact_alternative a on a.id = x.alternative_id"
                    + " where x.organisation_id = c.organisation_id and x.case_id = c.id and x.row_key = ?"
                    + " and x.direction <> 'NONE' and " + COUNTED + ")");
            params.add(f.group());
        }
        return sql.toString();
    }

    /** How many decided cases the filter finds. */
    public int countDecided(OrganisationId organisation, DecisionFilter f) {
        List<Object> params = new ArrayList<>(List.of(organisation.value()));
        String where = where(f, params);
        return jdbc.sql("select count(*) from impact_case c" + where)
                .params(params)
                .query(Integer.class)
                .single();
    }

    /** The decided cases the filter finds, latest decision first, at most {@code limit}; one query. */
    public List<Decided> decided(OrganisationId organisation, DecisionFilter f, int limit) {
        List<Object> params = new ArrayList<>(List.of(organisation.value()));
        String where = where(f, params);
        params.add(limit);
        params.add(f.group() == null ? "" : f.group());
        params.add(f.group() == null ? "" : f.group());
        return jdbc.sql("with picked as (select c.id, c.title_fi, c.title_sv, c.decided_on,"
                        + " coalesce(c.decided_body_id, c.body_id) as body_id, c.sector_id, c.example,"
                        + " c.chosen_alternative from impact_case c" + where
                        + " order by c.decided_on desc, c.id limit ?)"
                        + " select p.id, p.title_fi, p.title_sv, p.decided_on, p.body_id, p.sector_id, p.example,"
                        + " s.positive, s.negative, s.uncertain, s.group_short, s.group_long from picked p"
                        + " left join lateral (select count(*) filter (where x.direction = 'POSITIVE') as positive,"
                        + " count(*) filter (where x.direction = 'NEGATIVE') as negative,"
                        + " count(*) filter (where x.direction = 'UNCERTAIN') as uncertain,"
                        + " max(x.direction) filter (where x.row_key = ? and x.term = 'SHORT') as group_short,"
                        + " max(x.direction) filter (where x.row_key = ? and x.term = 'LONG') as group_long"
                        + " from impact_alternative a join impact_cell x on x.alternative_id = a.id"
                        + " where a.case_id = p.id and (a.id = p.chosen_alternative"
                        + " or (p.chosen_alternative is null and a.kind = 'PROPOSAL'))) s on true"
                        + " order by p.decided_on desc, p.id")
                .params(params)
                .query((rs, i) -> new Decided(
                        rs.getObject(1, UUID.class),
                        new LocalizedText(rs.getString(2), rs.getString(3), null),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        rs.getBoolean(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getString(11) == null ? null : Cell.Direction.valueOf(rs.getString(11)),
                        rs.getString(12) == null ? null : Cell.Direction.valueOf(rs.getString(12))))
                .list();
    }

    /** A follow-up of a decided case linked to a plan goal: the decision touched the goal in this direction. */
    public record GoalTouch(
            UUID caseId,
            LocalizedText title,
            LocalDate decidedOn,
            String what,
            FollowUp.Expected expected,
            FollowUp.Outcome outcome) {}

    /** The decisions whose follow-up is linked to the goal, latest decision first; one query. */
    public List<GoalTouch> touchingGoal(OrganisationId organisation, UUID goal) {
        return jdbc.sql("select c.id, c.title_fi, c.title_sv, c.decided_on, f.what, f.expected, f.outcome"
                        + " from impact_follow_up f join impact_case c on c.id = f.case_id"
                        + " and c.organisation_id = f.organisation_id"
                        + " where f.organisation_id = ? and f.goal_id = ? and " + DECIDED_STATES
                        + " order by c.decided_on desc nulls last, c.id, f.id")
                .params(organisation.value(), goal)
                .query((rs, i) -> new GoalTouch(
                        rs.getObject(1, UUID.class),
                        new LocalizedText(rs.getString(2), rs.getString(3), null),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6) == null ? null : FollowUp.Expected.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : FollowUp.Outcome.valueOf(rs.getString(7))))
                .list();
    }

    private DecisionCase decisionCase(ResultSet rs, int row) throws SQLException {
        return new DecisionCase(
                rs.getObject("id", UUID.class),
                new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), null),
                new LocalizedText(rs.getString("description_fi"), rs.getString("description_sv"), null),
                rs.getObject("body_id", UUID.class),
                rs.getObject("sector_id", UUID.class),
                uuids(rs.getArray("preparers")),
                rs.getString("diary_number"),
                rs.getString("case_url"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("assessment_due", LocalDate.class),
                rs.getObject("meeting_on", LocalDate.class),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("not_assessed_reason"),
                rs.getString("need") == null ? null : Need.valueOf(rs.getString("need")),
                rs.getInt("template_version"),
                readScreening(rs.getString("screening")),
                readNeeds(rs.getString("needs")),
                new DecisionCase.Decision(
                        rs.getObject("decided_body_id", UUID.class),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("decision_paragraph"),
                        rs.getObject("chosen_alternative", UUID.class),
                        rs.getString("minutes_url")),
                rs.getString("summary_fi"),
                rs.getString("summary_sv"),
                rs.getObject("frozen_at", OffsetDateTime.class),
                rs.getBoolean("example"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private Screening readScreening(String text) {
        return text == null || text.equals("{}") ? Screening.none() : json.readValue(text, Screening.class);
    }

    private NeedsTests readNeeds(String text) {
        return text == null || text.equals("{}") ? NeedsTests.none() : json.readValue(text, NeedsTests.class);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<UUID> ids = new ArrayList<>();
        Arrays.stream(values).forEach(v -> ids.add((UUID) v));
        return List.copyOf(ids);
    }

    private static Alternative alternative(ResultSet rs, int row) throws SQLException {
        return new Alternative(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                Alternative.Kind.valueOf(rs.getString(4)),
                new LocalizedText(rs.getString(5), rs.getString(6), null),
                rs.getObject(7, BigDecimal.class),
                rs.getInt(8));
    }

    private static Cell cell(ResultSet rs, int row) throws SQLException {
        return new Cell(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                Cell.Term.valueOf(rs.getString(4)),
                Cell.Direction.valueOf(rs.getString(5)),
                rs.getString(6) == null ? null : Cell.Magnitude.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                (Integer) rs.getObject(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getInt(13),
                List.of((UUID[]) rs.getArray(14).getArray()),
                rs.getString(15));
    }

    private static Hearing hearing(ResultSet rs, int row) throws SQLException {
        return new Hearing(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                Hearing.Heard.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                (Integer) rs.getObject(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(11, UUID.class),
                rs.getInt(10));
    }

    private static FollowUp followUp(ResultSet rs, int row) throws SQLException {
        return new FollowUp(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                (Integer) rs.getObject(4),
                rs.getString(5) == null ? null : FollowUp.Expected.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, UUID.class),
                rs.getObject(9, UUID.class),
                rs.getString(10),
                rs.getString(11) == null ? null : FollowUp.Outcome.valueOf(rs.getString(11)),
                rs.getInt(12));
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
