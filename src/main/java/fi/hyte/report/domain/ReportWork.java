package fi.hyte.report.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of a report, each in one transaction with its audit record: starting a report from
 * the outline or from an earlier report, writing sections, placing blocks, comments and sign-offs,
 * and the handling from draft to published. Only a draft or a report in review can be written in;
 * from "for decision" on, the content is locked and an approval freezes exactly what was locked.
 */
@Service
@Transactional
public class ReportWork {

    static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));

    private final Reports reports;
    private final Outlines outlines;
    private final Composer composer;
    private final Readiness readiness;
    private final PlanCatalog plans;
    private final OrganisationCatalog organisations;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Refusals refusals;

    ReportWork(
            Reports reports,
            Outlines outlines,
            Composer composer,
            Readiness readiness,
            PlanCatalog plans,
            OrganisationCatalog organisations,
            AuditLog audit,
            JsonMapper json,
            Refusals refusals) {
        this.refusals = refusals;
        this.reports = reports;
        this.outlines = outlines;
        this.composer = composer;
        this.readiness = readiness;
        this.plans = plans;
        this.organisations = organisations;
        this.audit = audit;
        this.json = json;
    }

    /** A report to start: its kind, title, period and where its sections come from. */
    public record NewReport(
            ReportKind kind,
            LocalizedText title,
            int firstYear,
            int lastYear,
            UUID basedOn,
            boolean swedishRequired,
            boolean example) {}

    public UUID start(Tenant tenant, NewReport wanted) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (wanted.lastYear() < wanted.firstYear() || wanted.lastYear() > wanted.firstYear() + 9) {
            throw new ReportProblem("report.problem.period");
        }
        if (wanted.kind() == ReportKind.REGIONAL
                && !"WELLBEING_COUNTY"
                        .equals(organisations
                                .summary(org)
                                .map(o -> o.regionKind())
                                .orElse(null))) {
            throw new ReportProblem("report.problem.regionalOnlyCounty");
        }
        Optional<Report> earlier = wanted.basedOn() == null ? Optional.empty() : reports.find(org, wanted.basedOn());
        if (wanted.basedOn() != null && earlier.isEmpty()) {
            throw new ReportProblem("report.problem.unknownEarlier");
        }
        UUID plan = plans.planFor(org, wanted.lastYear())
                .map(PlanCatalog.PlanInfo::id)
                .orElse(null);
        Report report = new Report(
                UUID.randomUUID(),
                wanted.kind(),
                wanted.title(),
                wanted.firstYear(),
                wanted.lastYear(),
                plan,
                ReportStatus.DRAFT,
                outlines.outline().id(),
                outlines.outline().version(),
                wanted.basedOn(),
                wanted.swedishRequired(),
                wanted.example(),
                new LocalizedText(null, null, null),
                null,
                BigDecimal.TEN,
                null,
                null,
                null,
                0);
        reports.insert(org, report);
        if (earlier.isPresent()) {
            copySections(org, earlier.get(), report);
        } else {
            int position = 0;
            for (Outlines.OutlineSection s : outlines.sections(wanted.kind())) {
                UUID section = UUID.randomUUID();
                reports.insertSection(
                        org,
                        new Section(
                                section,
                                report.id(),
                                position++,
                                s.key(),
                                s.title(),
                                new LocalizedText(null, null, null),
                                null,
                                null,
                                null,
                                null,
                                null,
                                0));
                int b = 0;
                for (Outlines.OutlineBlock block : s.blocks()) {
                    reports.insertBlock(
                            org,
                            report.id(),
                            new Block(
                                    UUID.randomUUID(),
                                    section,
                                    b++,
                                    block.kind(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    false,
                                    null));
                }
            }
        }
        audit.created(
                tenant,
                "report",
                report.id(),
                Map.of(
                        "kind",
                        wanted.kind().name(),
                        "title",
                        wanted.title().fi(),
                        "period",
                        report.period(),
                        "basedOn",
                        String.valueOf(wanted.basedOn())));
        return report.id();
    }

    /** The earlier report's sections and blocks with their texts and pictures; comments, sign-offs and handling stay behind. */
    private void copySections(OrganisationId org, Report from, Report to) {
        List<Block> blocks = reports.blocks(org, from.id());
        for (Section s : reports.sections(org, from.id())) {
            UUID section = UUID.randomUUID();
            reports.insertSection(
                    org,
                    new Section(
                            section,
                            to.id(),
                            s.position(),
                            s.outlineKey(),
                            s.title(),
                            s.body(),
                            s.authorPersonId(),
                            s.sectorId(),
                            null,
                            null,
                            null,
                            0));
            reports.copyPictures(org, s.id(), to.id(), section);
            for (Block b : blocks) {
                if (b.sectionId().equals(s.id())) {
                    reports.insertBlock(
                            org,
                            to.id(),
                            new Block(
                                    UUID.randomUUID(),
                                    section,
                                    b.position(),
                                    b.kind(),
                                    b.indicatorId(),
                                    b.gender(),
                                    b.goalId(),
                                    b.year(),
                                    b.showPrevious(),
                                    null));
                }
            }
        }
    }

    public Report find(Tenant tenant, UUID id) {
        return reports.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("report"));
    }

    Report editable(Tenant tenant, UUID id) {
        Report r = find(tenant, id);
        if (!r.status().editable()) {
            refusals.refused(tenant, id, "edit", r.status());
            throw new ReportProblem("report.problem.locked");
        }
        return r;
    }

    /** Whether the user may write this section: coordinators every one, editors their sector's or their own. */
    public boolean canWrite(Tenant tenant, Section s) {
        if (tenant.can(Role.COORDINATOR)) {
            return true;
        }
        if (!tenant.can(Role.EDITOR) || tenant.user() == null) {
            return false;
        }
        return organisations
                .personOf(tenant.organisation(), tenant.user())
                .map(p -> Objects.equals(p.id(), s.authorPersonId())
                        || (p.sectorId() != null && p.sectorId().equals(s.sectorId())))
                .orElse(false);
    }

    // The report's own fields

    public record Settings(
            LocalizedText title,
            UUID planId,
            boolean swedishRequired,
            BigDecimal changeThreshold,
            LocalizedText summary,
            String noSummaryReason) {}

    public void saveSettings(Tenant tenant, UUID id, Settings s, int version) {
        tenant.require(Role.COORDINATOR);
        Report r = editable(tenant, id);
        if (s.planId() != null
                && plans.plans(tenant.organisation()).stream().noneMatch(p -> p.id().equals(s.planId()))) {
            throw new ReportProblem("report.problem.unknownPlan");
        }
        Report changed = new Report(
                r.id(),
                r.kind(),
                s.title(),
                r.firstYear(),
                r.lastYear(),
                s.planId(),
                r.status(),
                r.outlineId(),
                r.outlineVersion(),
                r.basedOn(),
                s.swedishRequired(),
                r.example(),
                s.summary(),
                blankToNull(s.noSummaryReason()),
                s.changeThreshold(),
                r.correctionReason(),
                r.lockedAt(),
                r.sentToCountyAt(),
                r.version());
        if (changed.equals(r)) {
            return;
        }
        if (reports.update(tenant.organisation(), changed, version) == 0) {
            throw new ConcurrentChangeException("report");
        }
        audit.updated(tenant, "report", id, settingsState(r), settingsState(changed));
    }

    private static Map<String, Object> settingsState(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", r.title());
        m.put("planId", r.planId());
        m.put("swedishRequired", r.swedishRequired());
        m.put("changeThreshold", r.changeThreshold());
        m.put("summary", r.summary());
        m.put("noSummaryReason", r.noSummaryReason());
        return m;
    }

    // Sections

    /** A section's fields as a form sends them. */
    public record SectionText(
            LocalizedText title, LocalizedText body, UUID authorPersonId, UUID sectorId, LocalDate dueOn) {}

    /** Saves a section; of two saves from the same version the later is refused, and nothing of it is saved. */
    public void saveSection(Tenant tenant, UUID reportId, UUID sectionId, SectionText text, int version) {
        editable(tenant, reportId);
        Section s = section(tenant, reportId, sectionId);
        if (!canWrite(tenant, s)) {
            throw new org.springframework.security.access.AccessDeniedException("section");
        }
        boolean coordinator = tenant.can(Role.COORDINATOR);
        Section changed = new Section(
                s.id(),
                s.reportId(),
                s.position(),
                s.outlineKey(),
                text.title(),
                text.body(),
                coordinator ? text.authorPersonId() : s.authorPersonId(),
                coordinator ? text.sectorId() : s.sectorId(),
                coordinator ? text.dueOn() : s.dueOn(),
                s.reviewedAt(),
                s.reviewedBy(),
                s.version());
        if (changed.equals(s)) {
            return;
        }
        if (coordinator) {
            checkPerson(tenant, text.authorPersonId());
            checkSector(tenant, text.sectorId());
        }
        if (reports.updateSection(tenant.organisation(), changed, version) == 0) {
            throw new ConcurrentChangeException("section");
        }
        audit.updated(tenant, "report_section", s.id(), sectionState(s), sectionState(changed));
    }

    private void checkPerson(Tenant tenant, UUID person) {
        if (person != null
                && organisations.people(tenant.organisation()).stream().noneMatch(p -> p.id().equals(person))) {
            throw new ReportProblem("report.problem.unknownPerson");
        }
    }

    private void checkSector(Tenant tenant, UUID sector) {
        if (sector != null
                && organisations.sectors(tenant.organisation()).stream().noneMatch(p -> p.id().equals(sector))) {
            throw new ReportProblem("report.problem.unknownSector");
        }
    }

    static Map<String, Object> sectionState(Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("body", s.body());
        m.put("authorPersonId", s.authorPersonId());
        m.put("sectorId", s.sectorId());
        m.put("dueOn", s.dueOn());
        return m;
    }

    public Section section(Tenant tenant, UUID reportId, UUID sectionId) {
        return reports.section(tenant.organisation(), sectionId)
                .filter(s -> s.reportId().equals(reportId))
                .orElseThrow(() -> new NotFoundException("section"));
    }

    public UUID addSection(Tenant tenant, UUID reportId, LocalizedText title) {
        tenant.require(Role.COORDINATOR);
        editable(tenant, reportId);
        int position = reports.sections(tenant.organisation(), reportId).stream()
                        .mapToInt(Section::position)
                        .max()
                        .orElse(-1)
                + 1;
        UUID id = UUID.randomUUID();
        Section s = new Section(
                id,
                reportId,
                position,
                null,
                title,
                new LocalizedText(null, null, null),
                null,
                null,
                null,
                null,
                null,
                0);
        reports.insertSection(tenant.organisation(), s);
        audit.created(tenant, "report_section", id, sectionState(s));
        return id;
    }

    /** Moves a section one place up (-1) or down (+1). */
    public void moveSection(Tenant tenant, UUID reportId, UUID sectionId, int step) {
        tenant.require(Role.COORDINATOR);
        editable(tenant, reportId);
        List<Section> all = new ArrayList<>(reports.sections(tenant.organisation(), reportId));
        int at = indexOf(all, sectionId);
        int to = at + Integer.signum(step);
        if (to < 0 || to >= all.size()) {
            return;
        }
        all.add(to, all.remove(at));
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).position() != i) {
                reports.moveSection(tenant.organisation(), all.get(i).id(), i);
            }
        }
        audit.updated(tenant, "report_section", sectionId, Map.of("position", at + 1), Map.of("position", to + 1));
    }

    private static int indexOf(List<Section> all, UUID id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new NotFoundException("section");
    }

    public void deleteSection(Tenant tenant, UUID reportId, UUID sectionId) {
        tenant.require(Role.COORDINATOR);
        editable(tenant, reportId);
        Section s = section(tenant, reportId, sectionId);
        reports.deleteSection(tenant.organisation(), sectionId);
        audit.deleted(tenant, "report_section", sectionId, sectionState(s));
    }

    /** Signs a section off: the blocks' data as it is now is what "changed since review" compares with. */
    public void review(Tenant tenant, UUID reportId, UUID sectionId, LocalDate today) {
        tenant.require(Role.COORDINATOR);
        Report r = find(tenant, reportId);
        Section s = section(tenant, reportId, sectionId);
        for (Block b : reports.blocks(tenant.organisation(), reportId)) {
            if (b.sectionId().equals(s.id())) {
                String fingerprint = composer.block(tenant.organisation(), r, b, Composer.FINNISH, today)
                        .fingerprint();
                reports.setFingerprint(tenant.organisation(), b.id(), fingerprint);
            }
        }
        reports.markReviewed(tenant.organisation(), sectionId, tenant.userName());
        audit.updated(
                tenant,
                "report_section",
                sectionId,
                Map.of("reviewed", String.valueOf(s.reviewedAt())),
                Map.of("reviewed", "now", "reviewedBy", tenant.userName()));
    }

    // Blocks

    public record NewBlock(
            BlockKind kind, Integer indicatorId, String gender, UUID goalId, Integer year, boolean showPrevious) {}

    public UUID addBlock(
            Tenant tenant,
            UUID reportId,
            UUID sectionId,
            NewBlock wanted,
            java.util.function.IntPredicate indicatorVisible) {
        editable(tenant, reportId);
        Section s = section(tenant, reportId, sectionId);
        if (!canWrite(tenant, s)) {
            throw new org.springframework.security.access.AccessDeniedException("section");
        }
        boolean ofIndicator = wanted.kind() == BlockKind.INDICATOR || wanted.kind() == BlockKind.MEMBERS_INDICATOR;
        if (ofIndicator && (wanted.indicatorId() == null || !indicatorVisible.test(wanted.indicatorId()))) {
            throw new ReportProblem("report.problem.unknownIndicator");
        }
        if (wanted.kind() == BlockKind.GOAL_PROGRESS
                && (wanted.goalId() == null || !goalExists(tenant, reportId, wanted.goalId()))) {
            throw new ReportProblem("report.problem.unknownGoal");
        }
        int position = reports.blocks(tenant.organisation(), reportId).stream()
                        .filter(b -> b.sectionId().equals(sectionId))
                        .mapToInt(Block::position)
                        .max()
                        .orElse(-1)
                + 1;
        UUID id = UUID.randomUUID();
        Block b = new Block(
                id,
                sectionId,
                position,
                wanted.kind(),
                ofIndicator ? wanted.indicatorId() : null,
                ofIndicator ? wanted.gender() : null,
                wanted.kind() == BlockKind.GOAL_PROGRESS ? wanted.goalId() : null,
                wanted.kind() == BlockKind.EVALUATIONS ? wanted.year() : null,
                wanted.showPrevious(),
                null);
        reports.insertBlock(tenant.organisation(), reportId, b);
        audit.created(
                tenant,
                "report_block",
                id,
                Map.of(
                        "section",
                        sectionId,
                        "kind",
                        wanted.kind().name(),
                        "subject",
                        String.valueOf(b.indicatorId() != null ? b.indicatorId() : b.goalId())));
        return id;
    }

    private boolean goalExists(Tenant tenant, UUID reportId, UUID goal) {
        Report r = find(tenant, reportId);
        UUID plan = r.planId() != null
                ? r.planId()
                : plans.planFor(tenant.organisation(), r.lastYear())
                        .map(PlanCatalog.PlanInfo::id)
                        .orElse(null);
        return plan != null
                && plans.content(tenant.organisation(), plan)
                        .map(c -> c.lines().stream()
                                .flatMap(l -> l.goals().stream())
                                .anyMatch(g -> g.id().equals(goal)))
                        .orElse(false);
    }

    public void deleteBlock(Tenant tenant, UUID reportId, UUID blockId) {
        editable(tenant, reportId);
        Block b = reports.block(tenant.organisation(), blockId).orElseThrow(() -> new NotFoundException("block"));
        Section s = section(tenant, reportId, b.sectionId());
        if (!canWrite(tenant, s)) {
            throw new org.springframework.security.access.AccessDeniedException("section");
        }
        reports.deleteBlock(tenant.organisation(), blockId);
        audit.deleted(
                tenant,
                "report_block",
                blockId,
                Map.of("section", s.id(), "kind", b.kind().name()));
    }

    // Comments

    public UUID comment(Tenant tenant, UUID reportId, UUID sectionId, UUID blockId, UUID parentId, String body) {
        tenant.require(Role.EDITOR);
        Section s = section(tenant, reportId, sectionId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw new ReportProblem("report.problem.commentLength");
        }
        if (blockId != null
                && reports.block(tenant.organisation(), blockId)
                        .filter(b -> b.sectionId().equals(s.id()))
                        .isEmpty()) {
            throw new NotFoundException("block");
        }
        UUID parent = null;
        if (parentId != null) {
            Comment p = reports.comment(tenant.organisation(), parentId)
                    .filter(c -> c.sectionId().equals(s.id()))
                    .orElseThrow(() -> new NotFoundException("comment"));
            parent = p.parentId() != null ? p.parentId() : p.id();
        }
        UUID id = UUID.randomUUID();
        reports.insertComment(
                tenant.organisation(),
                new Comment(
                        id,
                        s.id(),
                        blockId,
                        parent,
                        tenant.userName(),
                        tenant.user() == null ? null : tenant.user().value(),
                        text,
                        null,
                        null,
                        null));
        audit.created(tenant, "report_comment", id, Map.of("section", s.id(), "body", text));
        return id;
    }

    public void resolve(Tenant tenant, UUID reportId, UUID commentId) {
        tenant.require(Role.EDITOR);
        Comment c =
                reports.comment(tenant.organisation(), commentId).orElseThrow(() -> new NotFoundException("comment"));
        section(tenant, reportId, c.sectionId());
        if (reports.resolve(tenant.organisation(), c.parentId() != null ? c.parentId() : c.id(), tenant.userName())
                > 0) {
            audit.updated(tenant, "report_comment", commentId, Map.of("resolved", false), Map.of("resolved", true));
        }
    }

    // Minimum data list, joys and worries

    public void place(Tenant tenant, UUID reportId, String itemKey, UUID sectionId, String omittedReason) {
        editable(tenant, reportId);
        tenant.require(Role.COORDINATOR);
        if (outlines.item(itemKey).isEmpty()) {
            throw new NotFoundException("item");
        }
        if (sectionId != null) {
            section(tenant, reportId, sectionId);
        }
        String reason = blankToNull(omittedReason);
        if (sectionId != null && reason != null) {
            throw new ReportProblem("report.problem.placeOrOmit");
        }
        Placement before = reports.placements(tenant.organisation(), reportId).stream()
                .filter(p -> p.itemKey().equals(itemKey))
                .findFirst()
                .orElse(null);
        Placement after = new Placement(itemKey, sectionId, reason);
        if (after.equals(before)) {
            return;
        }
        reports.place(tenant.organisation(), reportId, after);
        audit.updated(tenant, "report_minimum_item", reportId + "/" + itemKey, before, after);
    }

    public UUID addJoyWorry(
            Tenant tenant,
            UUID reportId,
            JoyWorry.Kind kind,
            String source,
            String text,
            Integer indicatorId,
            java.util.function.IntPredicate indicatorVisible) {
        tenant.require(Role.EDITOR);
        editable(tenant, reportId);
        if (blankToNull(source) == null
                || blankToNull(text) == null
                || text.strip().length() > 2000
                || source.strip().length() > 200) {
            throw new ReportProblem("report.problem.joyText");
        }
        if (indicatorId != null && !indicatorVisible.test(indicatorId)) {
            throw new ReportProblem("report.problem.unknownIndicator");
        }
        UUID id = UUID.randomUUID();
        reports.insertJoyWorry(
                tenant.organisation(),
                new JoyWorry(id, reportId, kind, source.strip(), text.strip(), indicatorId, null));
        audit.created(
                tenant,
                "report_joy_worry",
                id,
                Map.of("kind", kind.name(), "source", source.strip(), "text", text.strip()));
        return id;
    }

    public void deleteJoyWorry(Tenant tenant, UUID reportId, UUID id) {
        tenant.require(Role.COORDINATOR);
        editable(tenant, reportId);
        JoyWorry j = reports.joysAndWorries(tenant.organisation(), reportId).stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("joy"));
        reports.deleteJoyWorry(tenant.organisation(), id);
        audit.deleted(tenant, "report_joy_worry", id, Map.of("kind", j.kind().name(), "text", j.text()));
    }

    // Lifecycle

    /** Draft → review: refused while the readiness check finds anything. */
    public void toReview(Tenant tenant, UUID id, LocalDate today) {
        tenant.require(Role.COORDINATOR);
        Report r = find(tenant, id);
        if (r.status() != ReportStatus.DRAFT) {
            throw new ReportProblem("report.problem.status");
        }
        List<Readiness.Gap> gaps = readiness.check(
                tenant.organisation(),
                r,
                composer.compose(tenant.organisation(), r, Composer.FINNISH, today)
                        .content());
        if (!gaps.isEmpty()) {
            throw new ReportProblem("report.problem.notReady", gaps.size());
        }
        move(tenant, r, ReportStatus.DRAFT, ReportStatus.REVIEW, null, null);
    }

    public void backToDraft(Tenant tenant, UUID id) {
        tenant.require(Role.COORDINATOR);
        Report r = find(tenant, id);
        if (r.status() != ReportStatus.REVIEW) {
            throw new ReportProblem("report.problem.status");
        }
        move(tenant, r, ReportStatus.REVIEW, ReportStatus.DRAFT, null, null);
    }

    /** Review → for decision: the content in every language is composed now and locked; the bodies decide on it. */
    public void lock(Tenant tenant, UUID id, LocalDate today) {
        tenant.require(Role.COORDINATOR);
        Report r = reports.lock(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("report"));
        if (r.status() != ReportStatus.REVIEW) {
            throw new ReportProblem("report.problem.status");
        }
        Map<String, ReportContent> languages = new LinkedHashMap<>();
        ReportContent.Data data = null;
        // One composition call: what does not depend on the language is read once for the three.
        for (Composer.Composed composed : composer.composeAll(tenant.organisation(), r, LANGUAGES, today)) {
            languages.put(composed.content().language(), composed.content());
            if (data == null) {
                data = composed.data();
            }
        }
        Frozen frozen = new Frozen(Frozen.FORMAT, r.title().fi(), today.toString(), languages, data, List.of());
        move(tenant, r, ReportStatus.REVIEW, ReportStatus.FOR_DECISION, frozen.write(json), null);
    }

    /** A body's handling of the locked report, as its minutes record it. */
    public record HandlingForm(
            UUID bodyId,
            String bodyName,
            LocalDate meetingOn,
            String paragraph,
            String minutesUrl,
            Handling.Outcome outcome,
            String amendment) {}

    /**
     * Records a handling. Returned: a draft again, the lock released. Approved (or approved with
     * amendments): the locked content becomes the next immutable snapshot, in this one transaction;
     * two approvals at once make one snapshot, the second is refused.
     */
    public Optional<UUID> handle(Tenant tenant, UUID id, HandlingForm form, LocalDate today) {
        tenant.require(Role.COORDINATOR);
        Report r = reports.lock(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("report"));
        if (r.status() != ReportStatus.FOR_DECISION) {
            throw new ReportProblem("report.problem.notForDecision");
        }
        String bodyName = blankToNull(form.bodyName());
        if (form.bodyId() != null) {
            bodyName = organisations.bodies(tenant.organisation()).stream()
                    .filter(b -> b.id().equals(form.bodyId()))
                    .findFirst()
                    .map(b -> b.name().fi())
                    .orElseThrow(() -> new ReportProblem("report.problem.unknownBody"));
        }
        if (bodyName == null) {
            throw new ReportProblem("report.problem.noBody");
        }
        if (form.meetingOn() == null) {
            throw new ReportProblem("report.problem.noDate");
        }
        if (form.meetingOn().isAfter(today)) {
            throw new ReportProblem("report.problem.futureDate");
        }
        String paragraph = blankToNull(form.paragraph());
        if (paragraph == null) {
            throw new ReportProblem("report.problem.noParagraph");
        }
        String minutes = blankToNull(form.minutesUrl());
        if (minutes != null && !minutes.matches("https?://\\S{3,2000}")) {
            throw new ReportProblem("report.problem.minutesUrl");
        }
        if (form.outcome() == null) {
            throw new ReportProblem("report.problem.noOutcome");
        }
        String amendment = blankToNull(form.amendment());
        if (form.outcome() == Handling.Outcome.AMENDED && amendment == null) {
            throw new ReportProblem("report.problem.noAmendment");
        }
        Handling h = new Handling(
                UUID.randomUUID(),
                id,
                form.bodyId(),
                bodyName,
                form.meetingOn(),
                paragraph,
                minutes,
                form.outcome(),
                amendment,
                null,
                tenant.userName());
        reports.insertHandling(tenant.organisation(), h);
        audit.created(
                tenant,
                "report_handling",
                h.id(),
                Map.of(
                        "report",
                        id,
                        "body",
                        bodyName,
                        "meetingOn",
                        form.meetingOn().toString(),
                        "paragraph",
                        paragraph,
                        "outcome",
                        form.outcome().name()));
        switch (form.outcome()) {
            case FORWARDED -> {
                return Optional.empty();
            }
            case RETURNED -> {
                move(tenant, r, ReportStatus.FOR_DECISION, ReportStatus.DRAFT, null, null);
                return Optional.empty();
            }
            default -> {
                return Optional.of(freeze(tenant, r, h));
            }
        }
    }

    private UUID freeze(Tenant tenant, Report r, Handling approval) {
        String locked = reports.lockedContent(tenant.organisation(), r.id())
                .orElseThrow(() -> new ReportProblem("report.problem.notForDecision"));
        Frozen frozen = Frozen.read(json, locked);
        List<String> amendments = new ArrayList<>();
        for (Handling h : reports.handlings(tenant.organisation(), r.id())) {
            if (h.amendment() != null
                    && (r.lockedAt() == null || !h.recordedAt().isBefore(r.lockedAt()))) {
                amendments.add(h.bodyName() + " " + h.meetingOn() + " " + h.paragraph() + ": " + h.amendment());
            }
        }
        String content = frozen.withAmendments(amendments).write(json);
        Snapshot s = new Snapshot(
                UUID.randomUUID(),
                r.id(),
                reports.nextVersionNo(r.id()),
                content,
                Composer.sha256(content),
                approval.bodyName(),
                approval.meetingOn(),
                approval.paragraph(),
                approval.minutesUrl(),
                r.correctionReason(),
                null,
                tenant.userName(),
                null);
        reports.insertSnapshot(tenant.organisation(), s);
        reports.changeStatus(
                tenant.organisation(), r.id(), ReportStatus.FOR_DECISION, ReportStatus.APPROVED, null, null);
        audit.created(
                tenant,
                "report_snapshot",
                s.id(),
                Map.of(
                        "report",
                        r.id(),
                        "version",
                        s.versionNo(),
                        "sha256",
                        s.sha256(),
                        "body",
                        s.bodyName(),
                        "decidedOn",
                        s.decidedOn().toString(),
                        "paragraph",
                        s.paragraph()));
        return s.id();
    }

    /** Approved → published: the latest snapshot goes public; without a plain-language summary only with a reason. */
    public void publish(Tenant tenant, UUID id) {
        tenant.require(Role.COORDINATOR);
        Report r = reports.lock(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("report"));
        if (r.status() != ReportStatus.APPROVED) {
            throw new ReportProblem("report.problem.notApproved");
        }
        Snapshot latest = reports.snapshots(tenant.organisation(), id).get(0);
        Frozen frozen = Frozen.read(json, latest.content());
        boolean summary = frozen.in("fi").summary().present();
        if (!summary && (r.noSummaryReason() == null || r.noSummaryReason().isBlank())) {
            throw new ReportProblem("report.problem.noSummaryToPublish");
        }
        reports.publish(tenant.organisation(), latest.id());
        move(tenant, r, ReportStatus.APPROVED, ReportStatus.PUBLISHED, null, null);
    }

    /** An approved or published report reopened for a corrected version; the approved versions stay as they are. */
    public void correct(Tenant tenant, UUID id, String reason) {
        tenant.require(Role.COORDINATOR);
        Report r = reports.lock(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("report"));
        if (r.status() != ReportStatus.APPROVED && r.status() != ReportStatus.PUBLISHED) {
            throw new ReportProblem("report.problem.status");
        }
        String why = blankToNull(reason);
        if (why == null) {
            throw new ReportProblem("report.problem.noReason");
        }
        move(tenant, r, r.status(), ReportStatus.DRAFT, null, why);
    }

    /** A municipality sends its latest approved extended report to its county; the county sees only that. */
    public void sendToCounty(Tenant tenant, UUID id) {
        tenant.require(Role.COORDINATOR);
        Report r = find(tenant, id);
        if (r.kind() != ReportKind.EXTENDED
                || reports.snapshots(tenant.organisation(), id).isEmpty()) {
            throw new ReportProblem("report.problem.sendApprovedExtended");
        }
        String county = organisations
                .countyOf(tenant.organisation())
                .orElseThrow(() -> new ReportProblem("report.problem.noCounty"));
        OrganisationId countyOrg = organisations.inCounty(county).stream()
                .filter(o -> "WELLBEING_COUNTY"
                        .equals(organisations
                                .summary(o.id())
                                .map(x -> x.regionKind())
                                .orElse(null)))
                .map(o -> o.id())
                .findFirst()
                .orElseThrow(() -> new ReportProblem("report.problem.countyNotInHyte"));
        Snapshot latest = reports.snapshots(tenant.organisation(), id).get(0);
        reports.recordSent(latest.id(), tenant.organisation(), countyOrg, tenant.userName());
        reports.markSent(tenant.organisation(), id);
        audit.updated(
                tenant,
                "report",
                id,
                Map.of("sentToCounty", false),
                Map.of("sentToCounty", true, "snapshot", latest.id()));
    }

    private void move(Tenant tenant, Report r, ReportStatus from, ReportStatus to, String locked, String reason) {
        if (reports.changeStatus(tenant.organisation(), r.id(), from, to, locked, reason) == 0) {
            throw new ConcurrentChangeException("report");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (reason != null) {
            after.put("correctionReason", reason);
        }
        audit.updated(tenant, "report", r.id(), Map.of("status", from.name()), after);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
