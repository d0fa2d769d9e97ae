package fi.hyte.maturity.domain;

import fi.hyte.plan.PlanContributions;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of an assessment round: a coordinator opens it with its respondents; respondents save
 * drafts and submit complete answers; answering ends and the group records the agreed levels; the
 * round is closed and never changes again. Development actions may be added at any time.
 */
@Service
@Transactional
public class Assessments {

    private final Rounds rounds;
    private final MaturityModels models;
    private final AuditLog audit;
    private final PlanContributions plan;
    private final MaturityMail mail;

    Assessments(Rounds rounds, MaturityModels models, AuditLog audit, PlanContributions plan, MaturityMail mail) {
        this.mail = mail;
        this.plan = plan;
        this.rounds = rounds;
        this.models = models;
        this.audit = audit;
    }

    /** A respondent to invite: a Hyte user (answers themselves) or a name only (answers recorded for them). */
    public record Invitee(String name, UUID userId) {}

    public UUID open(
            Tenant tenant,
            String modelId,
            String title,
            LocalDate assessedOn,
            LocalDate deadline,
            boolean answersHidden,
            List<Invitee> invitees) {
        tenant.require(Role.COORDINATOR);
        MaturityModel model = models.latest().stream()
                .filter(m -> m.id().equals(modelId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("model"));
        MaturityRound round = new MaturityRound(
                UUID.randomUUID(),
                model.id(),
                model.version(),
                title.strip(),
                assessedOn,
                deadline,
                RoundStatus.OPEN,
                answersHidden,
                0);
        rounds.insert(tenant.organisation(), round);
        for (Invitee invitee : invitees) {
            Participant participant = new Participant(
                    UUID.randomUUID(), round.id(), invitee.name().strip(), invitee.userId(), false, null, 0);
            rounds.insertParticipant(tenant.organisation(), participant);
            mail.answerRequested(tenant, round, participant);
        }
        audit.created(tenant, "maturityRound", round.id(), Map.of("round", round, "respondents", invitees.size()));
        return round.id();
    }

    /**
     * Saves a respondent's answers. With {@code submit}, every criterion must have a level, or
     * nothing is submitted and {@link IncompleteAnswersException} names the criteria missing one.
     */
    public void answer(
            Tenant tenant,
            UUID roundId,
            UUID participantId,
            List<Answer> answers,
            boolean submit,
            int expectedVersion) {
        MaturityRound round = round(tenant.organisation(), roundId);
        Participant participant = rounds.participant(tenant.organisation(), participantId)
                .filter(p -> p.roundId().equals(roundId))
                .orElseThrow(() -> new NotFoundException("participant"));
        if (!mayAnswerFor(tenant, participant)) {
            throw new org.springframework.security.access.AccessDeniedException("not this respondent");
        }
        if (rounds.lockStatus(tenant.organisation(), roundId).orElseThrow() != RoundStatus.OPEN) {
            throw new RoundNotOpenException();
        }
        MaturityModel model = models.get(round.modelId(), round.modelVersion());
        for (Answer answer : answers) {
            if (!model.hasCriterion(answer.criterion())
                    || (answer.level() != null && (answer.level() < 1 || answer.level() > model.highestLevel()))) {
                throw new IllegalArgumentException("answer outside the model");
            }
        }
        if (submit) {
            List<String> missing = model.criteria().stream()
                    .map(MaturityModel.Criterion::key)
                    .filter(key -> answers.stream().noneMatch(a -> a.criterion().equals(key) && a.level() != null))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IncompleteAnswersException(missing);
            }
        }
        if (rounds.markSubmitted(tenant.organisation(), participantId, submit, expectedVersion) == 0) {
            throw new ConcurrentChangeException("answers");
        }
        for (Answer answer : answers) {
            rounds.saveAnswer(
                    tenant.organisation(),
                    new Answer(
                            participantId,
                            answer.criterion(),
                            answer.level(),
                            answer.justification(),
                            answer.evidence()));
        }
        audit.updated(tenant, "maturityAnswer", participantId, null, Map.of("submitted", submit, "answers", answers));
    }

    public static boolean mayAnswerFor(Tenant tenant, Participant participant) {
        if (participant.userId() != null) {
            return tenant.user() != null
                    && participant.userId().equals(tenant.user().value());
        }
        return tenant.can(Role.COORDINATOR);
    }

    public void endAnswering(Tenant tenant, UUID roundId) {
        move(tenant, roundId, RoundStatus.OPEN, RoundStatus.REVIEW);
    }

    public void close(Tenant tenant, UUID roundId) {
        move(tenant, roundId, RoundStatus.REVIEW, RoundStatus.CLOSED);
    }

    public void agree(Tenant tenant, UUID roundId, String criterion, int level, String rationale, int expectedVersion) {
        tenant.require(Role.COORDINATOR);
        MaturityRound round = round(tenant.organisation(), roundId);
        if (rounds.lockStatus(tenant.organisation(), roundId).orElseThrow() != RoundStatus.REVIEW) {
            throw new RoundNotOpenException();
        }
        MaturityModel model = models.get(round.modelId(), round.modelVersion());
        if (!model.hasCriterion(criterion) || level < 1 || level > model.highestLevel()) {
            throw new IllegalArgumentException("level outside the model");
        }
        Consensus consensus = new Consensus(criterion, level, rationale, tenant.userName(), null, 0);
        if (rounds.saveConsensus(tenant.organisation(), roundId, consensus, expectedVersion) == 0) {
            throw new ConcurrentChangeException("consensus");
        }
        audit.updated(tenant, "maturityConsensus", roundId + ":" + criterion, null, consensus);
    }

    public UUID addAction(Tenant tenant, UUID roundId, String criterion, String title, String owner, LocalDate dueOn) {
        tenant.require(Role.COORDINATOR);
        MaturityRound round = round(tenant.organisation(), roundId);
        if (!models.get(round.modelId(), round.modelVersion()).hasCriterion(criterion)) {
            throw new IllegalArgumentException("no such criterion");
        }
        DevelopmentAction action = new DevelopmentAction(
                UUID.randomUUID(),
                roundId,
                criterion,
                title.strip(),
                owner == null || owner.isBlank() ? null : owner.strip(),
                dueOn,
                false,
                0);
        rounds.insertAction(tenant.organisation(), action);
        audit.created(tenant, "maturityAction", action.id(), action);
        return action.id();
    }

    /**
     * Turns a development action into a planned measure under the chosen goal of the plan, once:
     * the measure names the action it came from, and the action links to the measure. Both are
     * saved in one transaction; a second attempt is refused and leaves the plan as it was.
     */
    public PlanContributions.AddedMeasure toMeasure(Tenant tenant, UUID actionId, UUID goal) {
        tenant.require(Role.COORDINATOR);
        DevelopmentAction action =
                rounds.action(tenant.organisation(), actionId).orElseThrow(() -> new NotFoundException("action"));
        if (rounds.measureLinks(tenant.organisation(), action.roundId()).containsKey(actionId)) {
            throw new ActionAlreadyInPlanException();
        }
        PlanContributions.AddedMeasure added = plan.addMeasure(
                tenant,
                goal,
                action.title(),
                action.dueOn(),
                "maturityAction",
                "/maturity/rounds/" + action.roundId() + "#actions");
        if (rounds.linkMeasure(tenant.organisation(), actionId, added.id(), added.ref()) == 0) {
            throw new ActionAlreadyInPlanException();
        }
        audit.updated(
                tenant, "maturityAction", actionId, action, Map.of("measure", added.id(), "measureRef", added.ref()));
        return added;
    }

    /** The development action is already a measure of the plan. */
    public static class ActionAlreadyInPlanException extends RuntimeException {
        public ActionAlreadyInPlanException() {
            super("already in the plan");
        }
    }

    public void setActionDone(Tenant tenant, UUID actionId, boolean done, int version) {
        tenant.require(Role.COORDINATOR);
        DevelopmentAction before =
                rounds.action(tenant.organisation(), actionId).orElseThrow(() -> new NotFoundException("action"));
        if (rounds.setActionDone(tenant.organisation(), actionId, done, version) == 0) {
            throw new ConcurrentChangeException("action");
        }
        audit.updated(tenant, "maturityAction", actionId, before, rounds.action(tenant.organisation(), actionId));
    }

    private void move(Tenant tenant, UUID roundId, RoundStatus from, RoundStatus to) {
        tenant.require(Role.COORDINATOR);
        MaturityRound before = round(tenant.organisation(), roundId);
        if (rounds.changeStatus(tenant.organisation(), roundId, from, to) == 0) {
            throw new RoundNotOpenException();
        }
        audit.updated(tenant, "maturityRound", roundId, before, round(tenant.organisation(), roundId));
    }

    private MaturityRound round(OrganisationId organisation, UUID id) {
        return rounds.find(organisation, id).orElseThrow(() -> new NotFoundException("round"));
    }

    /** The round is not in the state the change needs (e.g. answering a closed round). */
    public static class RoundNotOpenException extends RuntimeException {
        public RoundNotOpenException() {
            super("the round does not accept this change now");
        }
    }

    /** Submitting needs a level for every criterion. */
    public static class IncompleteAnswersException extends RuntimeException {
        private final List<String> missing;

        public IncompleteAnswersException(List<String> missing) {
            super("levels missing for " + missing);
            this.missing = missing;
        }

        public List<String> missing() {
            return missing;
        }
    }
}
