package fi.hyte.impact.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preparing a decision case: its details, screening, needs tests, alternatives and cells, hearings,
 * the states from draft to closed (freezing, reopening with a reason), the decision and its summary.
 * Preparers edit their own cases, coordinators every case, viewers read; every change is audited
 * in the same transaction, and a stale version is refused.
 */
@Service
@Transactional
public class Preparation {

    static final String ENTITY = "decisionCase";

    private final DecisionCases cases;
    private final Templates templates;
    private final AuditLog audit;
    private final JsonMapper json;
    private final IndicatorEvidence evidence;
    private final HearingEvidence hearingEvidence;

    Preparation(
            DecisionCases cases,
            Templates templates,
            AuditLog audit,
            JsonMapper json,
            IndicatorEvidence evidence,
            HearingEvidence hearingEvidence) {
        this.evidence = evidence;
        this.hearingEvidence = hearingEvidence;
        this.cases = cases;
        this.templates = templates;
        this.audit = audit;
        this.json = json;
    }

    /** Thrown when a diary number is already another case's; carries that case. */
    public static class DuplicateDiaryNumberException extends RuntimeException {
        private final DecisionCase existing;

        public DuplicateDiaryNumberException(DecisionCase existing) {
            super("diary number in use");
            this.existing = existing;
        }

        public DecisionCase existing() {
            return existing;
        }
    }

    /** Thrown when a case cannot move on; {@code missing} are message keys of what is lacking. */
    public static class RefusedException extends RuntimeException {
        private final List<String> missing;

        public RefusedException(List<String> missing) {
            super("refused: " + missing);
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }

    /** Whether the user may change this case: a coordinator always, an editor when one of its preparers. */
    public static boolean mayEdit(Tenant tenant, DecisionCase c) {
        return tenant.can(Role.COORDINATOR)
                || (tenant.can(Role.EDITOR)
                        && tenant.user() != null
                        && c.preparedBy(tenant.user().value()));
    }

    public DecisionCase get(Tenant tenant, UUID id) {
        return cases.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("decision case"));
    }

    private DecisionCase editable(Tenant tenant, UUID id) {
        DecisionCase c = get(tenant, id);
        if (!mayEdit(tenant, c)) {
            throw new AccessDeniedException("not a preparer of the case");
        }
        return c;
    }

    private DecisionCase assessing(Tenant tenant, UUID id) {
        DecisionCase c = editable(tenant, id);
        if (!c.status().assessmentOpen()) {
            throw new RefusedException(List.of("impact.refused.frozen"));
        }
        return c;
    }

    /** Opens a case in draft with the organisation's latest template, the proposal and the zero alternative. */
    public UUID create(Tenant tenant, DecisionCase details, boolean example) {
        tenant.require(Role.EDITOR);
        checkDiary(tenant, details.diaryNumber(), null);
        UUID id = UUID.randomUUID();
        List<UUID> preparers = new ArrayList<>(details.preparers());
        if (preparers.isEmpty() && tenant.user() != null) {
            preparers.add(tenant.user().value());
        }
        int template = templates.latest(tenant.organisation()).version();
        DecisionCase c = new DecisionCase(
                id,
                details.title(),
                details.description(),
                details.bodyId(),
                details.sectorId(),
                List.copyOf(preparers),
                details.diaryNumber(),
                details.caseUrl(),
                details.startsOn(),
                details.assessmentDue(),
                details.meetingOn(),
                CaseStatus.DRAFT,
                null,
                null,
                template,
                Screening.none(),
                NeedsTests.none(),
                DecisionCase.Decision.none(),
                null,
                null,
                null,
                example,
                null,
                0);
        cases.insert(tenant.organisation(), c);
        cases.insertAlternative(
                tenant.organisation(),
                new Alternative(
                        UUID.randomUUID(),
                        id,
                        1,
                        Alternative.Kind.PROPOSAL,
                        LocalizedText.of("Päätösehdotus", "Beslutsförslag"),
                        null,
                        0));
        cases.insertAlternative(
                tenant.organisation(),
                new Alternative(
                        UUID.randomUUID(),
                        id,
                        2,
                        Alternative.Kind.ZERO,
                        LocalizedText.of("Nollavaihtoehto: ei muutosta", "Nollalternativ: ingen ändring"),
                        null,
                        0));
        audit.created(tenant, ENTITY, id, cases.find(tenant.organisation(), id).orElseThrow());
        return id;
    }

    /** Changes the case's details; refused once the assessment is frozen or decided (until reopened). */
    public void updateDetails(Tenant tenant, DecisionCase changed, int version) {
        DecisionCase before = assessing(tenant, changed.id());
        checkDiary(tenant, changed.diaryNumber(), changed.id());
        if (cases.updateDetails(tenant.organisation(), changed, version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        audit.updated(tenant, ENTITY, changed.id(), before, get(tenant, changed.id()));
    }

    private void checkDiary(Tenant tenant, String diary, UUID self) {
        if (diary == null || diary.isBlank()) {
            return;
        }
        Optional<DecisionCase> existing = cases.byDiaryNumber(tenant.organisation(), diary);
        if (existing.isPresent() && !existing.get().id().equals(self)) {
            throw new DuplicateDiaryNumberException(existing.get());
        }
    }

    public Screening.Result saveScreening(Tenant tenant, UUID id, Screening screening, int version) {
        DecisionCase before = assessing(tenant, id);
        TemplateContent template = template(tenant, before);
        Screening.Result result = screening.evaluate(template);
        if (cases.updateScreening(tenant.organisation(), id, screening, result == null ? null : result.need(), version)
                != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        audit.updated(
                tenant,
                ENTITY,
                id,
                Map.of("screening", before.screening()),
                Map.of("screening", screening, "need", String.valueOf(result == null ? null : result.need())));
        return result;
    }

    public void saveNeeds(Tenant tenant, UUID id, NeedsTests needs, int version) {
        DecisionCase before = assessing(tenant, id);
        if (cases.updateNeeds(tenant.organisation(), id, needs, version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        audit.updated(tenant, ENTITY, id, Map.of("needs", before.needs()), Map.of("needs", needs));
    }

    public TemplateContent template(Tenant tenant, DecisionCase c) {
        return templates
                .find(tenant.organisation(), c.templateVersion())
                .orElseThrow()
                .content();
    }

    /** Takes the organisation's latest template into use for this case, as the user chose. */
    public void adoptTemplate(Tenant tenant, UUID id, int templateVersion, int version) {
        DecisionCase before = assessing(tenant, id);
        templates.find(tenant.organisation(), templateVersion).orElseThrow(() -> new NotFoundException("template"));
        if (cases.updateTemplateVersion(tenant.organisation(), id, templateVersion, version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        audit.updated(
                tenant,
                ENTITY,
                id,
                Map.of("templateVersion", before.templateVersion()),
                Map.of("templateVersion", templateVersion));
    }

    // Alternatives

    public UUID addAlternative(Tenant tenant, UUID id, LocalizedText name, BigDecimal cost) {
        assessing(tenant, id);
        List<Alternative> existing = cases.alternatives(tenant.organisation(), id);
        int position = existing.stream().mapToInt(Alternative::position).max().orElse(0) + 1;
        Alternative a = new Alternative(UUID.randomUUID(), id, position, Alternative.Kind.OTHER, name, cost, 0);
        cases.insertAlternative(tenant.organisation(), a);
        audit.created(tenant, "impactAlternative", a.id(), a);
        return a.id();
    }

    public void updateAlternative(Tenant tenant, UUID id, Alternative changed) {
        assessing(tenant, id);
        Alternative before = alternative(tenant, id, changed.id());
        if (cases.updateAlternative(tenant.organisation(), changed) != 1) {
            throw new ConcurrentChangeException("alternative");
        }
        audit.updated(tenant, "impactAlternative", changed.id(), before, changed);
    }

    public void removeAlternative(Tenant tenant, UUID id, UUID alternative, int version) {
        assessing(tenant, id);
        Alternative before = alternative(tenant, id, alternative);
        if (before.kind() != Alternative.Kind.OTHER) {
            throw new RefusedException(List.of("impact.alternative.keepTwo"));
        }
        if (cases.deleteAlternative(tenant.organisation(), id, alternative, version) != 1) {
            throw new ConcurrentChangeException("alternative");
        }
        audit.deleted(tenant, "impactAlternative", alternative, before);
    }

    public Alternative alternative(Tenant tenant, UUID id, UUID alternative) {
        return cases.alternatives(tenant.organisation(), id).stream()
                .filter(a -> a.id().equals(alternative))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("alternative"));
    }

    // Cells

    /**
     * Saves one cell; a save based on an older version than the stored one is refused. Its hearings
     * must be the case's own (anything else is 404); their text is kept with the cell as of now.
     */
    public void saveCell(Tenant tenant, UUID id, Cell given, int seenVersion) {
        DecisionCase c = assessing(tenant, id);
        alternative(tenant, id, given.alternativeId());
        if (template(tenant, c).row(given.rowKey()).isEmpty()) {
            throw new NotFoundException("row");
        }
        Cell cell = given;
        if (!given.hearingIds().isEmpty()) {
            List<Hearing> ofCase = cases.hearings(tenant.organisation(), id);
            List<Hearing> picked = HearingEvidence.picked(ofCase, given.hearingIds());
            if (picked.size() != given.hearingIds().stream().distinct().count()) {
                throw new NotFoundException("hearing");
            }
            cell = new Cell(
                    given.id(),
                    given.alternativeId(),
                    given.rowKey(),
                    given.term(),
                    given.direction(),
                    given.magnitude(),
                    given.reasoning(),
                    given.evidence(),
                    given.indicatorId(),
                    given.indicatorSnapshot(),
                    given.mitigation(),
                    given.updatedBy(),
                    given.version(),
                    picked.stream().map(Hearing::id).toList(),
                    hearingEvidence.of(tenant.organisation(), picked, LocaleContextHolder.getLocale()));
        }
        Optional<Cell> before = cases.cell(tenant.organisation(), id, cell.alternativeId(), cell.rowKey(), cell.term());
        if (!cases.saveCell(tenant.organisation(), id, cell, seenVersion)) {
            throw new ConcurrentChangeException("cell");
        }
        Cell after = cases.cell(tenant.organisation(), id, cell.alternativeId(), cell.rowKey(), cell.term())
                .orElseThrow();
        if (before.isPresent()) {
            audit.updated(tenant, "impactCell", after.id(), before.get(), after);
        } else {
            audit.created(tenant, "impactCell", after.id(), after);
        }
    }

    // Hearings

    public UUID addHearing(Tenant tenant, UUID id, Hearing hearing) {
        assessing(tenant, id);
        Hearing h = new Hearing(
                UUID.randomUUID(),
                id,
                hearing.who(),
                hearing.heldOn(),
                hearing.method(),
                hearing.participants(),
                hearing.said(),
                hearing.done(),
                hearing.url(),
                hearing.consultationId(),
                0);
        cases.insertHearing(tenant.organisation(), h);
        audit.created(tenant, "impactHearing", h.id(), h);
        return h.id();
    }

    public void removeHearing(Tenant tenant, UUID id, UUID hearing) {
        assessing(tenant, id);
        Hearing before = cases.hearings(tenant.organisation(), id).stream()
                .filter(h -> h.id().equals(hearing))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("hearing"));
        cases.deleteHearing(tenant.organisation(), id, hearing);
        audit.deleted(tenant, "impactHearing", hearing, before);
        // A removed hearing is no longer any cell's evidence; the cells' texts follow.
        List<Hearing> left = cases.hearings(tenant.organisation(), id);
        for (Cell cell : cases.cells(tenant.organisation(), id)) {
            if (cell.hearingIds().contains(hearing)) {
                List<UUID> kept = cell.hearingIds().stream()
                        .filter(h -> !h.equals(hearing))
                        .toList();
                String text = hearingEvidence.of(
                        tenant.organisation(), HearingEvidence.picked(left, kept), LocaleContextHolder.getLocale());
                cases.updateHearings(tenant.organisation(), cell.id(), kept, text);
                audit.updated(
                        tenant,
                        "impactCell",
                        cell.id(),
                        Map.of("hearingIds", cell.hearingIds().toString()),
                        Map.of("hearingIds", kept.toString()));
            }
        }
    }

    // States

    public void startAssessing(Tenant tenant, UUID id, int version) {
        DecisionCase c = editable(tenant, id);
        if (c.status() != CaseStatus.DRAFT) {
            throw new RefusedException(List.of("impact.refused.state"));
        }
        move(tenant, c, CaseStatus.ASSESSING, null, false, version);
    }

    /** Records that no assessment is made, with the reason (required even when the rules say not required). */
    public void skip(Tenant tenant, UUID id, String reason, int version) {
        DecisionCase c = editable(tenant, id);
        if (!c.status().assessmentOpen()) {
            throw new RefusedException(List.of("impact.refused.state"));
        }
        if (reason == null || reason.isBlank()) {
            throw new RefusedException(List.of("impact.skip.reasonRequired"));
        }
        move(tenant, c, CaseStatus.NOT_ASSESSED, reason.strip(), false, version);
    }

    /** What freezing lacks, as message keys; empty when the assessment may be frozen. */
    public List<String> missingForFreeze(Tenant tenant, DecisionCase c) {
        return missing(
                c,
                template(tenant, c),
                cases.alternatives(tenant.organisation(), c.id()),
                cases.cells(tenant.organisation(), c.id()),
                () -> cases.hearings(tenant.organisation(), c.id()).isEmpty());
    }

    /** What freezing would miss, from an assessment already read (the case page's): no query. */
    public List<String> missingForFreeze(Assessment a) {
        return missing(
                a.decisionCase(),
                a.template(),
                a.alternatives(),
                a.cells(),
                () -> a.hearings().isEmpty());
    }

    private static List<String> missing(
            DecisionCase c,
            TemplateContent template,
            List<Alternative> alternatives,
            List<Cell> cells,
            java.util.function.BooleanSupplier noHearings) {
        List<String> missing = new ArrayList<>();
        Screening.Result screening = c.screening().evaluate(template);
        if (screening == null) {
            missing.add("impact.missing.screening");
        }
        for (Alternative.Kind kind : List.of(Alternative.Kind.PROPOSAL, Alternative.Kind.ZERO)) {
            Optional<Alternative> alternative =
                    alternatives.stream().filter(a -> a.kind() == kind).findFirst();
            long assessed = alternative
                    .map(a -> cells.stream()
                            .filter(x -> x.alternativeId().equals(a.id())
                                    && template.row(x.rowKey()).isPresent())
                            .count())
                    .orElse(0L);
            if (assessed < template.rows().size() * 2L) {
                missing.add(
                        kind == Alternative.Kind.PROPOSAL ? "impact.missing.proposalRows" : "impact.missing.zeroRows");
            }
        }
        NeedsTests needs = c.needs();
        if (!needs.suvaAnswered()) {
            missing.add("impact.missing.suva");
        }
        if (!needs.lavaAnswered()) {
            missing.add("impact.missing.lava");
        }
        if (needs.genderPartOpen() && needs.genderPartEmpty()) {
            missing.add("impact.missing.genderPart");
        }
        if (needs.childPartOpen() && needs.childPartEmpty()) {
            missing.add("impact.missing.childPart");
        }
        if (screening != null && screening.hearingRequired() && noHearings.getAsBoolean()) {
            missing.add("impact.missing.hearing");
        }
        return missing;
    }

    /** Freezes the assessment (READY) if nothing is missing, and keeps the frozen version readable. */
    public void freeze(Tenant tenant, UUID id, int version) {
        DecisionCase c = editable(tenant, id);
        if (c.status() != CaseStatus.ASSESSING && c.status() != CaseStatus.DRAFT) {
            throw new RefusedException(List.of("impact.refused.state"));
        }
        List<String> missing = missingForFreeze(tenant, c);
        if (!missing.isEmpty()) {
            throw new RefusedException(missing);
        }
        move(tenant, c, CaseStatus.READY, null, true, version);
        renewIndicatorEvidence(tenant, id);
        cases.insertFrozen(tenant.organisation(), id, json.writeValueAsString(snapshot(tenant, get(tenant, id))));
    }

    /**
     * Each cell's indicator evidence as of freezing (latest value, gender gap, comparison) and its
     * hearings' text (with a linked consultation's results as of freezing), kept from then on.
     */
    private void renewIndicatorEvidence(Tenant tenant, UUID id) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Hearing> hearings = cases.hearings(tenant.organisation(), id);
        for (Cell cell : cases.cells(tenant.organisation(), id)) {
            if (!cell.hearingIds().isEmpty()) {
                String text = hearingEvidence.of(
                        tenant.organisation(), HearingEvidence.picked(hearings, cell.hearingIds()), locale);
                if (!java.util.Objects.equals(text, cell.hearingSnapshot())) {
                    cases.updateHearingSnapshot(tenant.organisation(), cell.id(), text);
                    audit.updated(
                            tenant,
                            "impactCell",
                            cell.id(),
                            Map.of("hearingSnapshot", String.valueOf(cell.hearingSnapshot())),
                            Map.of("hearingSnapshot", String.valueOf(text)));
                }
            }
            if (cell.indicatorId() == null) {
                continue;
            }
            evidence.of(tenant.organisation(), cell.indicatorId(), locale)
                    .filter(text -> !text.equals(cell.indicatorSnapshot()))
                    .ifPresent(text -> {
                        cases.updateIndicatorSnapshot(tenant.organisation(), cell.id(), text);
                        audit.updated(
                                tenant,
                                "impactCell",
                                cell.id(),
                                Map.of("indicatorSnapshot", String.valueOf(cell.indicatorSnapshot())),
                                Map.of("indicatorSnapshot", text));
                    });
        }
    }

    /** Everything the frozen version keeps. */
    public Map<String, Object> snapshot(Tenant tenant, DecisionCase c) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("case", c);
        content.put("alternatives", cases.alternatives(tenant.organisation(), c.id()));
        content.put("cells", cases.cells(tenant.organisation(), c.id()));
        content.put("hearings", cases.hearings(tenant.organisation(), c.id()));
        return content;
    }

    /** Opens a frozen, decided or skipped case for assessment again; the reason is required and kept. */
    public void reopen(Tenant tenant, UUID id, String reason, int version) {
        DecisionCase c = editable(tenant, id);
        if (!c.status().reopenable()) {
            throw new RefusedException(List.of("impact.refused.state"));
        }
        if (reason == null || reason.isBlank()) {
            throw new RefusedException(List.of("impact.reopen.reasonRequired"));
        }
        if (cases.updateStatus(tenant.organisation(), id, CaseStatus.ASSESSING, null, false, version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        cases.markReopened(tenant.organisation(), id, reason.strip());
        audit.updated(
                tenant,
                ENTITY,
                id,
                Map.of("status", c.status().name()),
                Map.of("status", "ASSESSING", "reopenReason", reason.strip()));
    }

    public void decide(Tenant tenant, UUID id, DecisionCase.Decision decision, int version) {
        DecisionCase c = editable(tenant, id);
        if (c.status() != CaseStatus.READY) {
            throw new RefusedException(List.of("impact.refused.notReady"));
        }
        if (decision.alternative() != null) {
            alternative(tenant, id, decision.alternative());
        }
        if (cases.updateDecision(tenant.organisation(), id, decision, version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        audit.updated(tenant, ENTITY, id, c, get(tenant, id));
    }

    public void startFollowUp(Tenant tenant, UUID id, int version) {
        DecisionCase c = editable(tenant, id);
        if (c.status() != CaseStatus.DECIDED) {
            throw new RefusedException(List.of("impact.refused.state"));
        }
        move(tenant, c, CaseStatus.FOLLOW_UP, null, false, version);
    }

    public void close(Tenant tenant, UUID id, int version) {
        DecisionCase c = editable(tenant, id);
        if (c.status() != CaseStatus.FOLLOW_UP && c.status() != CaseStatus.DECIDED) {
            throw new RefusedException(List.of("impact.refused.state"));
        }
        move(tenant, c, CaseStatus.CLOSED, null, false, version);
    }

    private void move(Tenant tenant, DecisionCase c, CaseStatus to, String reason, boolean frozen, int version) {
        if (cases.updateStatus(tenant.organisation(), c.id(), to, reason, frozen, version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.updated(tenant, ENTITY, c.id(), Map.of("status", c.status().name()), after);
    }

    public void saveSummary(Tenant tenant, UUID id, String fi, String sv, int version) {
        DecisionCase before = editable(tenant, id);
        if (before.status() != CaseStatus.DRAFT && before.status() != CaseStatus.ASSESSING) {
            throw new RefusedException(List.of("impact.refused.frozen"));
        }
        if (cases.updateSummary(tenant.organisation(), id, blankToNull(fi), blankToNull(sv), version) != 1) {
            throw new ConcurrentChangeException("decision case");
        }
        audit.updated(
                tenant,
                ENTITY,
                id,
                Map.of(
                        "summaryFi",
                        String.valueOf(before.summaryFi()),
                        "summarySv",
                        String.valueOf(before.summarySv())),
                Map.of("summaryFi", String.valueOf(blankToNull(fi)), "summarySv", String.valueOf(blankToNull(sv))));
    }

    // Follow-up

    public UUID addFollowUp(Tenant tenant, UUID id, FollowUp followUp) {
        DecisionCase c = editable(tenant, id);
        if (c.status() != CaseStatus.READY && c.status() != CaseStatus.DECIDED && c.status() != CaseStatus.FOLLOW_UP) {
            throw new RefusedException(List.of("impact.followUp.notYet"));
        }
        FollowUp f = new FollowUp(
                UUID.randomUUID(),
                id,
                followUp.what(),
                followUp.indicatorId(),
                followUp.expected(),
                followUp.responsible(),
                followUp.dueOn(),
                followUp.goalId(),
                followUp.measureId(),
                followUp.measureRef(),
                null,
                0);
        cases.insertFollowUp(tenant.organisation(), f);
        audit.created(tenant, "impactFollowUp", f.id(), f);
        return f.id();
    }

    public void recordOutcome(Tenant tenant, UUID id, UUID followUp, FollowUp.Outcome outcome, int version) {
        editable(tenant, id);
        FollowUp before = cases.followUps(tenant.organisation(), id).stream()
                .filter(f -> f.id().equals(followUp))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("follow-up"));
        if (cases.recordOutcome(tenant.organisation(), id, followUp, outcome, version) != 1) {
            throw new ConcurrentChangeException("follow-up");
        }
        audit.updated(tenant, "impactFollowUp", followUp, before, Map.of("outcome", outcome.name()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
