package fi.hyte.maturity.domain;

import fi.hyte.platform.OrganisationId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessment rounds with their respondents, answers, agreed levels and development actions. */
@Repository
public class Rounds {

    private static final String ROUND = "select id, model_id, model_version, title, assessed_on, deadline, status,"
            + " answers_hidden, version from maturity_round";
    private static final String PARTICIPANT =
            "select id, round_id, name, user_id, status, submitted_at, version from maturity_participant";

    private final JdbcClient jdbc;

    Rounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MaturityRound> of(OrganisationId organisation) {
        return jdbc.sql(ROUND + " where organisation_id = ? order by assessed_on desc, created_at desc")
                .param(organisation.value())
                .query(Rounds::round)
                .list();
    }

    public Optional<MaturityRound> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(ROUND + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Rounds::round)
                .optional();
    }

    /** The closed round before the given date, to compare with. */
    public Optional<MaturityRound> previousClosed(OrganisationId organisation, String model, LocalDate before) {
        return jdbc.sql(ROUND + " where organisation_id = ? and model_id = ? and status = 'CLOSED' and assessed_on < ?"
                        + " order by assessed_on desc limit 1")
                .params(organisation.value(), model, Date.valueOf(before))
                .query(Rounds::round)
                .optional();
    }

    public void insert(OrganisationId organisation, MaturityRound round) {
        jdbc.sql(
                        "insert into maturity_round (id, organisation_id, model_id, model_version, title, assessed_on, deadline,"
                                + " status, answers_hidden) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        round.id(),
                        organisation.value(),
                        round.modelId(),
                        round.modelVersion(),
                        round.title(),
                        Date.valueOf(round.assessedOn()),
                        round.deadline() == null ? null : Date.valueOf(round.deadline()),
                        round.status().name(),
                        round.answersHidden())
                .update();
    }

    /** Moves the round on if it is still in the expected state; returns the rows changed. */
    public int changeStatus(OrganisationId organisation, UUID id, RoundStatus from, RoundStatus to) {
        return jdbc.sql("update maturity_round set status = ?, version = version + 1,"
                        + " closed_at = case when ? = 'CLOSED' then now() else closed_at end"
                        + " where organisation_id = ? and id = ? and status = ?")
                .params(to.name(), to.name(), organisation.value(), id, from.name())
                .update();
    }

    /** The round's status, locked until this transaction ends so that it cannot move meanwhile. */
    public Optional<RoundStatus> lockStatus(OrganisationId organisation, UUID id) {
        return jdbc.sql("select status from maturity_round where organisation_id = ? and id = ? for share")
                .params(organisation.value(), id)
                .query((rs, i) -> RoundStatus.valueOf(rs.getString(1)))
                .optional();
    }

    public List<Participant> participants(OrganisationId organisation, UUID round) {
        return jdbc.sql(PARTICIPANT + " where organisation_id = ? and round_id = ? order by lower(name)")
                .params(organisation.value(), round)
                .query(Rounds::participant)
                .list();
    }

    public Optional<Participant> participant(OrganisationId organisation, UUID id) {
        return jdbc.sql(PARTICIPANT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Rounds::participant)
                .optional();
    }

    public Optional<Participant> participantFor(OrganisationId organisation, UUID round, UUID user) {
        return jdbc.sql(PARTICIPANT + " where organisation_id = ? and round_id = ? and user_id = ?")
                .params(organisation.value(), round, user)
                .query(Rounds::participant)
                .optional();
    }

    public void insertParticipant(OrganisationId organisation, Participant participant) {
        jdbc.sql(
                        "insert into maturity_participant (id, organisation_id, round_id, name, user_id) values (?, ?, ?, ?, ?)")
                .params(
                        participant.id(),
                        organisation.value(),
                        participant.roundId(),
                        participant.name(),
                        participant.userId())
                .update();
    }

    /** Records whether the respondent submitted, if nobody saved their answers meanwhile; returns rows changed. */
    public int markSubmitted(OrganisationId organisation, UUID participant, boolean submitted, int expectedVersion) {
        return jdbc.sql("update maturity_participant set status = ?, submitted_at = case when ? then now() end,"
                        + " version = version + 1 where organisation_id = ? and id = ? and version = ?")
                .params(
                        submitted ? "SUBMITTED" : "DRAFT",
                        submitted,
                        organisation.value(),
                        participant,
                        expectedVersion)
                .update();
    }

    public List<Answer> answers(OrganisationId organisation, UUID participant) {
        return jdbc.sql("select participant_id, criterion, level, justification, evidence from maturity_answer"
                        + " where organisation_id = ? and participant_id = ?")
                .params(organisation.value(), participant)
                .query(Answer.class)
                .list();
    }

    /** How many submitted answers chose each level, per criterion: counted in the database. */
    public List<LevelCount> distribution(OrganisationId organisation, UUID round) {
        return jdbc.sql("select a.criterion, a.level, count(*) as answers from maturity_answer a"
                        + " join maturity_participant p on p.id = a.participant_id"
                        + " where p.organisation_id = ? and p.round_id = ? and p.status = 'SUBMITTED'"
                        + " and a.level is not null group by a.criterion, a.level")
                .params(organisation.value(), round)
                .query(LevelCount.class)
                .list();
    }

    public void saveAnswer(OrganisationId organisation, Answer answer) {
        jdbc.sql("""
                insert into maturity_answer (organisation_id, participant_id, criterion, level, justification, evidence)
                values (?, ?, ?, ?, ?, ?)
                on conflict (participant_id, criterion) do update set level = excluded.level,
                  justification = excluded.justification, evidence = excluded.evidence""")
                .params(
                        organisation.value(),
                        answer.participantId(),
                        answer.criterion(),
                        answer.level(),
                        answer.justification(),
                        answer.evidence())
                .update();
    }

    public List<Consensus> consensus(OrganisationId organisation, UUID round) {
        return jdbc.sql("select criterion, level, rationale, decided_by, decided_at, version from maturity_consensus"
                        + " where organisation_id = ? and round_id = ?")
                .params(organisation.value(), round)
                .query(Consensus.class)
                .list();
    }

    /**
     * Saves an agreed level: a first one if {@code expectedVersion} is negative, otherwise over the
     * version the user saw. Returns the rows changed; 0 means someone else saved meanwhile.
     */
    public int saveConsensus(OrganisationId organisation, UUID round, Consensus consensus, int expectedVersion) {
        if (expectedVersion < 0) {
            return jdbc.sql("insert into maturity_consensus (organisation_id, round_id, criterion, level, rationale,"
                            + " decided_by) values (?, ?, ?, ?, ?, ?) on conflict (round_id, criterion) do nothing")
                    .params(
                            organisation.value(),
                            round,
                            consensus.criterion(),
                            consensus.level(),
                            consensus.rationale(),
                            consensus.decidedBy())
                    .update();
        }
        return jdbc.sql("update maturity_consensus set level = ?, rationale = ?, decided_by = ?, decided_at = now(),"
                        + " version = version + 1 where organisation_id = ? and round_id = ? and criterion = ?"
                        + " and version = ?")
                .params(
                        consensus.level(),
                        consensus.rationale(),
                        consensus.decidedBy(),
                        organisation.value(),
                        round,
                        consensus.criterion(),
                        expectedVersion)
                .update();
    }

    public List<DevelopmentAction> actions(OrganisationId organisation, UUID round) {
        return jdbc.sql("select id, round_id, criterion, title, owner, due_on, done, version from maturity_action"
                        + " where organisation_id = ? and round_id = ? order by done, due_on nulls last, title")
                .params(organisation.value(), round)
                .query(DevelopmentAction.class)
                .list();
    }

    public Optional<DevelopmentAction> action(OrganisationId organisation, UUID id) {
        return jdbc.sql("select id, round_id, criterion, title, owner, due_on, done, version from maturity_action"
                        + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(DevelopmentAction.class)
                .optional();
    }

    public void insertAction(OrganisationId organisation, DevelopmentAction action) {
        jdbc.sql("insert into maturity_action (id, organisation_id, round_id, criterion, title, owner, due_on)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        action.id(),
                        organisation.value(),
                        action.roundId(),
                        action.criterion(),
                        action.title(),
                        action.owner(),
                        action.dueOn() == null ? null : Date.valueOf(action.dueOn()))
                .update();
    }

    /** A development action turned into a plan's measure: the measure's id and number. */
    public record MeasureLink(UUID actionId, UUID measureId, String measureRef) {}

    public java.util.Map<UUID, MeasureLink> measureLinks(OrganisationId organisation, UUID round) {
        return jdbc
                .sql("select id as action_id, measure_id, measure_ref from maturity_action"
                        + " where organisation_id = ? and round_id = ? and measure_id is not null")
                .params(organisation.value(), round)
                .query(MeasureLink.class)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(MeasureLink::actionId, l -> l));
    }

    /** Links the action to its measure once: 0 when it already has one. */
    public int linkMeasure(OrganisationId organisation, UUID action, UUID measure, String ref) {
        return jdbc.sql("update maturity_action set measure_id = ?, measure_ref = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and measure_id is null")
                .params(measure, ref, organisation.value(), action)
                .update();
    }

    public int setActionDone(OrganisationId organisation, UUID id, boolean done, int version) {
        return jdbc.sql("update maturity_action set done = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(done, organisation.value(), id, version)
                .update();
    }

    private static MaturityRound round(ResultSet rs, int row) throws SQLException {
        Date deadline = rs.getDate("deadline");
        return new MaturityRound(
                rs.getObject("id", UUID.class),
                rs.getString("model_id"),
                rs.getInt("model_version"),
                rs.getString("title"),
                rs.getDate("assessed_on").toLocalDate(),
                deadline == null ? null : deadline.toLocalDate(),
                RoundStatus.valueOf(rs.getString("status")),
                rs.getBoolean("answers_hidden"),
                rs.getInt("version"));
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        return new Participant(
                rs.getObject("id", UUID.class),
                rs.getObject("round_id", UUID.class),
                rs.getString("name"),
                rs.getObject("user_id", UUID.class),
                "SUBMITTED".equals(rs.getString("status")),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    /** Answers at one level of one criterion. */
    public record LevelCount(String criterion, int level, long answers) {}
}
