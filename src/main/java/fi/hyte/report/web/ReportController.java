package fi.hyte.report.web;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.Frozen;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.JoyWorry;
import fi.hyte.report.domain.Markdown;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.PlainLanguage;
import fi.hyte.report.domain.Readiness;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportExports;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportProblem;
import fi.hyte.report.domain.ReportStatus;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.report.domain.Snapshot;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing the wellbeing report: the list, a report's overview and handling, its sections, material and versions. */
@Controller
@RequestMapping("/reports")
class ReportController {

    private final Reports reports;
    private final ReportWork work;
    private final Composer composer;
    private final Readiness readiness;
    private final Outlines outlines;
    private final Markdown markdown;
    private final ReportExports exports;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final OrganisationCatalog organisations;
    private final AuditLog audit;
    private final MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json;
    private final fi.hyte.report.domain.FrozenCache frozenCache;
    private final ZoneId zone;
    private final fi.hyte.report.domain.SectionImages images;
    private final fi.hyte.report.domain.PlainLanguageLimits plainLimits;

    private final ContentFragments fragments;

    ReportController(
            Reports reports,
            ReportWork work,
            Composer composer,
            Readiness readiness,
            Outlines outlines,
            Markdown markdown,
            ReportExports exports,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            OrganisationCatalog organisations,
            AuditLog audit,
            MessageSource messages,
            tools.jackson.databind.json.JsonMapper json,
            fi.hyte.report.domain.FrozenCache frozenCache,
            ContentFragments fragments,
            @Value("${hyte.time-zone}") String zone,
            fi.hyte.report.domain.SectionImages images,
            fi.hyte.report.domain.PlainLanguageLimits plainLimits) {
        this.fragments = fragments;
        this.images = images;
        this.plainLimits = plainLimits;
        this.frozenCache = frozenCache;
        this.reports = reports;
        this.work = work;
        this.composer = composer;
        this.readiness = readiness;
        this.outlines = outlines;
        this.markdown = markdown;
        this.exports = exports;
        this.plans = plans;
        this.indicators = indicators;
        this.organisations = organisations;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    @GetMapping
    String index(Tenant tenant, Model model) {
        List<Report> all = reports.of(tenant.organisation());
        model.addAttribute("reports", all);
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("county", isCounty(tenant));
        if (isCounty(tenant)) {
            model.addAttribute("sent", reports.sentTo(tenant.organisation()));
            model.addAttribute("links", reports.memberLinks(tenant.organisation()));
            model.addAttribute(
                    "names",
                    organisations.namesOf(reports.sentTo(tenant.organisation()).stream()
                            .map(Reports.MemberReport::organisation)
                            .toList()));
        }
        return "report/index";
    }

    private boolean isCounty(Tenant tenant) {
        return organisations
                .summary(tenant.organisation())
                .map(o -> "WELLBEING_COUNTY".equals(o.regionKind()))
                .orElse(false);
    }

    @GetMapping("/new")
    String newReport(Tenant tenant, Model model) {
        tenant.require(Role.COORDINATOR);
        int year = today().getYear() - 1;
        return newPage(
                tenant,
                model,
                new Forms.NewReportForm(
                        isCounty(tenant) ? ReportKind.REGIONAL : ReportKind.ANNUAL,
                        "",
                        "",
                        "",
                        year,
                        year,
                        null,
                        false));
    }

    private String newPage(Tenant tenant, Model model, Forms.NewReportForm form) {
        model.addAttribute("form", form);
        model.addAttribute(
                "kinds",
                isCounty(tenant) ? List.of(ReportKind.values()) : List.of(ReportKind.ANNUAL, ReportKind.EXTENDED));
        model.addAttribute("earlier", reports.of(tenant.organisation()));
        model.addAttribute("outline", outlines.outline());
        return "report/new";
    }

    @PostMapping("/new")
    String start(
            Tenant tenant,
            @Valid @ModelAttribute("form") Forms.NewReportForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (!errors.hasErrors() && form.lastYear() < form.firstYear()) {
            errors.rejectValue("lastYear", "report.validation.period");
        }
        if (errors.hasErrors()) {
            return newPage(tenant, model, form);
        }
        try {
            UUID id = work.start(
                    tenant,
                    new ReportWork.NewReport(
                            form.kind(),
                            form.title(),
                            form.firstYear(),
                            form.lastYear(),
                            form.basedOn(),
                            form.swedishRequired(),
                            false));
            redirect.addFlashAttribute("notice", "report.started");
            return "redirect:/reports/" + id;
        } catch (ReportProblem p) {
            model.addAttribute("problemText", text(p));
            return newPage(tenant, model, form);
        }
    }

    @GetMapping("/{id}")
    String report(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        Report r = work.find(tenant, id);
        ReportContent content =
                composer.compose(tenant.organisation(), r, locale, today()).content();
        List<Section> sections = reports.sections(tenant.organisation(), id);
        List<Block> blocks = reports.blocks(tenant.organisation(), id);
        Map<UUID, Long> openComments = reports.comments(tenant.organisation(), id).stream()
                .filter(c -> !c.resolved())
                .collect(Collectors.groupingBy(c -> c.sectionId(), Collectors.counting()));
        Map<UUID, Boolean> changed = new LinkedHashMap<>();
        for (ReportContent.SectionContent s : content.sections()) {
            if (s.id() != null) {
                changed.put(s.id(), s.blocks().stream().anyMatch(b -> changedSinceReview(blocks, b)));
            }
        }
        model.addAttribute("report", r);
        model.addAttribute("sections", sections);
        model.addAttribute("openComments", openComments);
        model.addAttribute("changed", changed);
        model.addAttribute(
                "gaps",
                r.status().editable()
                        ? readiness.check(
                                tenant.organisation(),
                                r,
                                r.status() == ReportStatus.DRAFT
                                                || FINNISH.getLanguage().equals(locale.getLanguage())
                                        ? content
                                        : composer.compose(tenant.organisation(), r, FINNISH, today())
                                                .content())
                        : List.of());
        model.addAttribute("handlings", reports.handlings(tenant.organisation(), id));
        model.addAttribute("snapshots", reports.versions(tenant.organisation(), id));
        model.addAttribute(
                "people",
                organisations.people(tenant.organisation()).stream()
                        .collect(Collectors.toMap(p -> p.id(), p -> p.name())));
        model.addAttribute("bodies", organisations.bodies(tenant.organisation()));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("today", today());
        model.addAttribute("county", isCounty(tenant));
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("outcomes", Handling.Outcome.values());
        return "report/report";
    }

    private static final Locale FINNISH = Locale.forLanguageTag("fi");

    static boolean changedSinceReview(List<Block> blocks, ReportContent.BlockContent shown) {
        return blocks.stream()
                .filter(b -> b.id().equals(shown.id()))
                .findFirst()
                .map(b -> b.reviewedFingerprint() != null
                        && !b.reviewedFingerprint().equals(shown.fingerprint()))
                .orElse(false);
    }

    @GetMapping("/{id}/preview")
    String preview(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        Report r = work.find(tenant, id);
        ReportContent content =
                composer.compose(tenant.organisation(), r, locale, today()).content();
        List<Block> blocks = reports.blocks(tenant.organisation(), id);
        model.addAttribute("report", r);
        List<UUID> changed = content.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> changedSinceReview(blocks, b))
                .map(ReportContent.BlockContent::id)
                .toList();
        // Written out once for each distinct composition (the content itself is the key).
        model.addAttribute("contentHtml", fragments.html(content, () -> htmlOf(content), changed, locale));
        model.addAttribute("composedOn", today());
        return "report/preview";
    }

    private static java.util.Locale locale(ReportContent content) {
        return java.util.Locale.forLanguageTag(content.language());
    }

    /** Each section's Markdown as safe HTML, by section id (the summary under the key "summary"). */
    Map<String, String> htmlOf(ReportContent content) {
        Map<String, String> html = new LinkedHashMap<>();
        html.put("summary", markdown.html(content.summary().text()));
        for (ReportContent.SectionContent s : content.sections()) {
            html.put(String.valueOf(s.id()), markdown.html(s.markdown().text(), s.images(), locale(content)));
        }
        return html;
    }

    // Settings and plain-language summary

    @GetMapping("/{id}/settings")
    String settings(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        Report r = work.find(tenant, id);
        return settingsPage(
                tenant,
                model,
                r,
                new Forms.SettingsForm(
                        r.title().fi(),
                        r.title().sv(),
                        r.title().en(),
                        r.planId(),
                        r.swedishRequired(),
                        r.changeThreshold(),
                        r.summary().fi(),
                        r.summary().sv(),
                        r.summary().en(),
                        r.noSummaryReason(),
                        r.version()));
    }

    private String settingsPage(Tenant tenant, Model model, Report r, Forms.SettingsForm form) {
        model.addAttribute("report", r);
        model.addAttribute("form", form);
        model.addAttribute("plans", plans.plans(tenant.organisation()));
        fi.hyte.report.domain.PlainLanguageLimits.Limits limits = plainLimits.of(tenant.organisation());
        Map<String, List<PlainLanguage.Finding>> findings = new LinkedHashMap<>();
        findings.put(
                "fi", PlainLanguage.check(markdown.plain(form.summaryFi()), limits.maxWords(), limits.maxLetters()));
        findings.put(
                "sv", PlainLanguage.check(markdown.plain(form.summarySv()), limits.maxWords(), limits.maxLetters()));
        findings.put(
                "en", PlainLanguage.check(markdown.plain(form.summaryEn()), limits.maxWords(), limits.maxLetters()));
        model.addAttribute("findings", findings);
        model.addAttribute("maxWords", limits.maxWords());
        model.addAttribute("maxLetters", limits.maxLetters());
        return "report/settings";
    }

    @PostMapping("/{id}/settings")
    String saveSettings(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") Forms.SettingsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Report r = work.find(tenant, id);
        if (errors.hasErrors()) {
            return settingsPage(tenant, model, r, form);
        }
        try {
            work.saveSettings(
                    tenant,
                    id,
                    new ReportWork.Settings(
                            new LocalizedText(form.titleFi(), form.titleSv(), form.titleEn()),
                            form.planId(),
                            form.swedishRequired(),
                            form.changeThreshold(),
                            new LocalizedText(form.summaryFi(), form.summarySv(), form.summaryEn()),
                            form.noSummaryReason()),
                    form.version() == null ? -1 : form.version());
        } catch (ReportProblem p) {
            model.addAttribute("problemText", text(p));
            return settingsPage(tenant, model, r, form);
        } catch (ConcurrentChangeException e) {
            model.addAttribute("problemText", msg("conflict.saveRefused"));
            return settingsPage(tenant, model, r, form);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/reports/" + id + "/settings";
    }

    /** The organisation's limits of the plain-language checks (words a sentence, letters a word). */
    @PostMapping("/{id}/plain-language")
    String savePlainLimits(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String maxWords,
            @RequestParam(required = false) String maxLetters,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        work.find(tenant, id);
        try {
            plainLimits.save(tenant, number(maxWords), number(maxLetters));
            redirect.addFlashAttribute("notice", "saved");
        } catch (ReportProblem p) {
            redirect.addFlashAttribute("problem", p.key());
        }
        return "redirect:/reports/" + id + "/settings#plain-limits";
    }

    private static Integer number(String s) {
        return s == null || !s.strip().matches("[0-9]{1,3}") ? null : Integer.valueOf(s.strip());
    }

    // Sections

    @GetMapping("/{id}/sections/{section}")
    String section(Tenant tenant, @PathVariable UUID id, @PathVariable UUID section, Locale locale, Model model) {
        Section s = work.section(tenant, id, section);
        return sectionPage(tenant, model, locale, work.find(tenant, id), s, form(s), null);
    }

    /**
     * The section as the report shows it (heading, text with its pictures, blocks), alone: loaded
     * into the section page when its writer opens "the section in the report" (htmx). Without htmx,
     * the preview of the whole draft at this section.
     */
    @GetMapping("/{id}/sections/{section}/content")
    ResponseEntity<String> sectionContent(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID section,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Locale locale) {
        Report r = work.find(tenant, id);
        Section s = work.section(tenant, id, section);
        if (htmx == null) {
            List<Section> all = reports.sections(tenant.organisation(), id);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, "/reports/" + id + "/preview#s-" + all.indexOf(s))
                    .build();
        }
        ReportContent.SectionContent shown = composer.section(tenant.organisation(), r, s, locale, today());
        ReportContent one = new ReportContent(
                locale.getLanguage(),
                r.title().in(locale),
                null,
                null,
                "",
                today().toString(),
                r.example(),
                new ReportContent.Text(null, null),
                List.of(shown));
        List<Block> blocks = reports.blocks(tenant.organisation(), id);
        List<UUID> changed = shown.blocks().stream()
                .filter(b -> changedSinceReview(blocks, b))
                .map(ReportContent.BlockContent::id)
                .toList();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(fragments.html(one, () -> htmlOf(one), changed, locale));
    }

    private static Forms.SectionForm form(Section s) {
        return new Forms.SectionForm(
                s.title().fi(),
                s.title().sv(),
                s.title().en(),
                s.body().fi(),
                s.body().sv(),
                s.body().en(),
                s.authorPersonId(),
                s.sectorId(),
                s.dueOn(),
                s.version());
    }

    private String sectionPage(
            Tenant tenant, Model model, Locale locale, Report r, Section s, Forms.SectionForm form, Section saved) {
        List<Block> blocks = reports.blocks(tenant.organisation(), r.id()).stream()
                .filter(b -> b.sectionId().equals(s.id()))
                .toList();
        List<ShownBlock> shown = new ArrayList<>();
        List<ReportContent.BlockContent> composed = composer.blocks(tenant.organisation(), r, blocks, locale, today());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            ReportContent.BlockContent c = composed.get(i);
            // The fingerprint digests the raw facts, the same in every language: no second composition.
            boolean changed =
                    b.reviewedFingerprint() != null && !b.reviewedFingerprint().equals(c.fingerprint());
            shown.add(new ShownBlock(b, c, changed, fragments.block(c, changed, locale)));
        }
        model.addAttribute("report", r);
        model.addAttribute("section", s);
        model.addAttribute("form", form);
        model.addAttribute("saved", saved);
        model.addAttribute(
                "hint",
                s.outlineKey() == null
                        ? null
                        : outlines.section(r.kind(), s.outlineKey())
                                .map(o -> o.hint())
                                .orElse(null));
        model.addAttribute("blocks", shown);
        model.addAttribute(
                "html",
                Map.of(
                        "fi",
                        markdown.html(s.body().fi()),
                        "sv",
                        markdown.html(s.body().sv()),
                        "en",
                        markdown.html(s.body().en())));
        model.addAttribute("threads", threads(tenant, r.id(), s.id()));
        model.addAttribute("history", audit.history(tenant.organisation(), s.id(), 20));
        model.addAttribute("people", organisations.people(tenant.organisation()));
        model.addAttribute("sectors", organisations.sectors(tenant.organisation()));
        model.addAttribute("canWrite", r.status().editable() && work.canWrite(tenant, s));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("canComment", tenant.can(Role.EDITOR));
        model.addAttribute("blockKinds", addableKinds(tenant));
        model.addAttribute("setIndicators", indicators.setIndicators(tenant.organisation()));
        model.addAttribute("goals", goals(tenant, r));
        model.addAttribute("images", images.ofSection(tenant.organisation(), s.id()));
        return "report/section";
    }

    private List<BlockKind> addableKinds(Tenant tenant) {
        List<BlockKind> kinds = new ArrayList<>(List.of(BlockKind.values()));
        if (!isCounty(tenant)) {
            kinds.remove(BlockKind.MEMBER_REPORTS);
            kinds.remove(BlockKind.MEMBERS_INDICATOR);
            kinds.remove(BlockKind.MEMBERS_MATURITY);
            kinds.remove(BlockKind.MEMBERS_JOYS_WORRIES);
        }
        return kinds;
    }

    private List<PlanCatalog.GoalChoice> goals(Tenant tenant, Report r) {
        Optional<UUID> plan = Optional.ofNullable(r.planId())
                .or(() -> plans.planFor(tenant.organisation(), r.lastYear()).map(PlanCatalog.PlanInfo::id));
        return plan.map(p -> plans.goals(tenant.organisation(), p)).orElse(List.of());
    }

    /**
     * A block as the section page shows it: the block, its content now, whether its data changed
     * since review, and its HTML (written once for each distinct content).
     */
    record ShownBlock(Block block, ReportContent.BlockContent content, boolean changed, String html) {}

    /** A comment with its answers. */
    record Thread(fi.hyte.report.domain.Comment first, List<fi.hyte.report.domain.Comment> answers) {}

    private List<Thread> threads(Tenant tenant, UUID report, UUID section) {
        List<fi.hyte.report.domain.Comment> all = reports.comments(tenant.organisation(), report).stream()
                .filter(c -> c.sectionId().equals(section))
                .toList();
        List<Thread> threads = new ArrayList<>();
        for (fi.hyte.report.domain.Comment c : all) {
            if (c.parentId() == null) {
                threads.add(new Thread(
                        c, all.stream().filter(a -> c.id().equals(a.parentId())).toList()));
            }
        }
        return threads;
    }

    @PostMapping("/{id}/sections/{section}")
    String saveSection(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID section,
            @Valid @ModelAttribute("form") Forms.SectionForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Report r = work.find(tenant, id);
        Section s = work.section(tenant, id, section);
        if (errors.hasErrors()) {
            return sectionPage(tenant, model, locale, r, s, form, null);
        }
        try {
            work.saveSection(
                    tenant,
                    id,
                    section,
                    new ReportWork.SectionText(
                            new LocalizedText(form.titleFi(), form.titleSv(), form.titleEn()),
                            new LocalizedText(form.bodyFi(), form.bodySv(), form.bodyEn()),
                            form.authorPersonId(),
                            form.sectorId(),
                            form.dueOn()),
                    form.version() == null ? -1 : form.version());
        } catch (ConcurrentChangeException e) {
            Section now = work.section(tenant, id, section);
            model.addAttribute("problemText", msg("report.section.conflict"));
            Forms.SectionForm mine = new Forms.SectionForm(
                    form.titleFi(),
                    form.titleSv(),
                    form.titleEn(),
                    form.bodyFi(),
                    form.bodySv(),
                    form.bodyEn(),
                    form.authorPersonId(),
                    form.sectorId(),
                    form.dueOn(),
                    now.version());
            return sectionPage(tenant, model, locale, r, now, mine, now);
        } catch (ReportProblem p) {
            model.addAttribute("problemText", text(p));
            return sectionPage(tenant, model, locale, r, s, form, null);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/reports/" + id + "/sections/" + section;
    }

    @PostMapping("/{id}/sections")
    String addSection(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String titleFi,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        if (titleFi.isBlank() || titleFi.length() > 300) {
            redirect.addFlashAttribute("problem", "report.section.titleRequired");
            return "redirect:/reports/" + id;
        }
        return act(redirect, id, () -> {
            UUID section = work.addSection(tenant, id, new LocalizedText(titleFi, null, null));
            return "redirect:/reports/" + id + "/sections/" + section;
        });
    }

    @PostMapping("/{id}/sections/{section}/move")
    String move(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID section,
            @RequestParam(defaultValue = "0") int step,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.moveSection(tenant, id, section, step);
            return "redirect:/reports/" + id + "#sections";
        });
    }

    @PostMapping("/{id}/sections/{section}/delete")
    String deleteSection(
            Tenant tenant, @PathVariable UUID id, @PathVariable UUID section, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.deleteSection(tenant, id, section);
            redirect.addFlashAttribute("notice", "report.section.deleted");
            return "redirect:/reports/" + id + "#sections";
        });
    }

    @PostMapping("/{id}/sections/{section}/review")
    String review(Tenant tenant, @PathVariable UUID id, @PathVariable UUID section, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.review(tenant, id, section, today());
            redirect.addFlashAttribute("notice", "report.section.reviewed");
            return "redirect:/reports/" + id + "/sections/" + section;
        });
    }

    @PostMapping("/{id}/sections/{section}/blocks")
    String addBlock(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID section,
            @Valid @ModelAttribute Forms.BlockForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "report.block.invalid");
            return "redirect:/reports/" + id + "/sections/" + section;
        }
        return act(
                redirect,
                id,
                () -> {
                    work.addBlock(
                            tenant,
                            id,
                            section,
                            new ReportWork.NewBlock(
                                    form.kind(),
                                    form.indicatorId(),
                                    form.gender(),
                                    form.goalId(),
                                    form.year(),
                                    form.showPrevious()),
                            visible(tenant));
                    redirect.addFlashAttribute("notice", "report.block.added");
                    return "redirect:/reports/" + id + "/sections/" + section + "#blocks";
                },
                "/reports/" + id + "/sections/" + section);
    }

    private IntPredicate visible(Tenant tenant) {
        return indicator -> indicators.find(tenant.organisation(), indicator).isPresent();
    }

    @PostMapping("/{id}/blocks/{block}/delete")
    String deleteBlock(Tenant tenant, @PathVariable UUID id, @PathVariable UUID block, RedirectAttributes redirect) {
        Block b = reports.block(tenant.organisation(), block).orElseThrow(() -> new NotFoundException("block"));
        return act(
                redirect,
                id,
                () -> {
                    work.deleteBlock(tenant, id, block);
                    redirect.addFlashAttribute("notice", "report.block.deleted");
                    return "redirect:/reports/" + id + "/sections/" + b.sectionId() + "#blocks";
                },
                "/reports/" + id + "/sections/" + b.sectionId());
    }

    @PostMapping("/{id}/sections/{section}/comments")
    String comment(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID section,
            @RequestParam(required = false) UUID block,
            @RequestParam(required = false) UUID parent,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(
                redirect,
                id,
                () -> {
                    work.comment(tenant, id, section, block, parent, body);
                    redirect.addFlashAttribute("notice", "report.comment.added");
                    return "redirect:/reports/" + id + "/sections/" + section + "#comments";
                },
                "/reports/" + id + "/sections/" + section);
    }

    @PostMapping("/{id}/comments/{comment}/resolve")
    String resolve(Tenant tenant, @PathVariable UUID id, @PathVariable UUID comment, RedirectAttributes redirect) {
        work.find(tenant, id);
        fi.hyte.report.domain.Comment c =
                reports.comment(tenant.organisation(), comment).orElseThrow(() -> new NotFoundException("comment"));
        return act(redirect, id, () -> {
            work.resolve(tenant, id, comment);
            return "redirect:/reports/" + id + "/sections/" + c.sectionId() + "#comments";
        });
    }

    // Material: the minimum data list, joys and worries

    @GetMapping("/{id}/material")
    String material(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        Report r = work.find(tenant, id);
        model.addAttribute("report", r);
        model.addAttribute("list", outlines.minimumList());
        model.addAttribute(
                "placements",
                reports.placements(tenant.organisation(), id).stream()
                        .collect(Collectors.toMap(p -> p.itemKey(), p -> p)));
        model.addAttribute("sections", reports.sections(tenant.organisation(), id));
        model.addAttribute(
                "joys",
                composer.block(
                        tenant.organisation(),
                        r,
                        new Block(null, null, 0, BlockKind.JOYS_WORRIES, null, null, null, null, false, null),
                        locale,
                        today()));
        model.addAttribute("joyItems", reports.joysAndWorries(tenant.organisation(), id));
        model.addAttribute("setIndicators", indicators.setIndicators(tenant.organisation()));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR) && r.status().editable());
        model.addAttribute("canAdd", tenant.can(Role.EDITOR) && r.status().editable());
        model.addAttribute("joyForm", new Forms.JoyForm(JoyWorry.Kind.JOY, "", "", null));
        return "report/material";
    }

    @PostMapping("/{id}/material/{item}")
    String place(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable String item,
            @RequestParam(required = false) UUID section,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        if (reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "validation.tooLong");
            return "redirect:/reports/" + id + "/material";
        }
        return act(
                redirect,
                id,
                () -> {
                    work.place(tenant, id, item, section, reason);
                    redirect.addFlashAttribute("notice", "saved");
                    return "redirect:/reports/" + id + "/material#item-" + item.replace('.', '-');
                },
                "/reports/" + id + "/material");
    }

    @PostMapping("/{id}/joys")
    String addJoy(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("joyForm") Forms.JoyForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "report.problem.joyText");
            return "redirect:/reports/" + id + "/material#joys";
        }
        return act(
                redirect,
                id,
                () -> {
                    work.addJoyWorry(
                            tenant, id, form.kind(), form.source(), form.text(), form.indicatorId(), visible(tenant));
                    redirect.addFlashAttribute("notice", "report.joy.added");
                    return "redirect:/reports/" + id + "/material#joys";
                },
                "/reports/" + id + "/material");
    }

    @PostMapping("/{id}/joys/{joy}/delete")
    String deleteJoy(Tenant tenant, @PathVariable UUID id, @PathVariable UUID joy, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(
                redirect,
                id,
                () -> {
                    work.deleteJoyWorry(tenant, id, joy);
                    return "redirect:/reports/" + id + "/material#joys";
                },
                "/reports/" + id + "/material");
    }

    // Lifecycle

    @PostMapping("/{id}/review")
    String toReview(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.toReview(tenant, id, today());
            redirect.addFlashAttribute("notice", "report.moved.REVIEW");
            return "redirect:/reports/" + id;
        });
    }

    @PostMapping("/{id}/draft")
    String backToDraft(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.backToDraft(tenant, id);
            redirect.addFlashAttribute("notice", "report.moved.DRAFT");
            return "redirect:/reports/" + id;
        });
    }

    @PostMapping("/{id}/lock")
    String lock(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.lock(tenant, id, today());
            redirect.addFlashAttribute("notice", "report.moved.FOR_DECISION");
            return "redirect:/reports/" + id;
        });
    }

    @PostMapping("/{id}/handlings")
    String handle(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute Forms.HandlingForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "validation.tooLong");
            return "redirect:/reports/" + id + "#handling";
        }
        return act(redirect, id, () -> {
            Optional<UUID> snapshot = work.handle(
                    tenant,
                    id,
                    new ReportWork.HandlingForm(
                            form.bodyId(),
                            form.bodyName(),
                            form.meetingOn(),
                            form.paragraph(),
                            form.minutesUrl(),
                            form.outcome(),
                            form.amendment()),
                    today());
            redirect.addFlashAttribute(
                    "notice", snapshot.isPresent() ? "report.moved.APPROVED" : "report.handling.recorded");
            return "redirect:/reports/" + id + "#handling";
        });
    }

    @PostMapping("/{id}/publish")
    String publish(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.publish(tenant, id);
            redirect.addFlashAttribute("notice", "report.moved.PUBLISHED");
            return "redirect:/reports/" + id;
        });
    }

    @PostMapping("/{id}/correct")
    String correct(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        work.find(tenant, id);
        if (reason.length() > 2000) {
            redirect.addFlashAttribute("problem", "validation.tooLong");
            return "redirect:/reports/" + id;
        }
        return act(redirect, id, () -> {
            work.correct(tenant, id, reason);
            redirect.addFlashAttribute("notice", "report.moved.correction");
            return "redirect:/reports/" + id;
        });
    }

    @PostMapping("/{id}/send")
    String send(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        work.find(tenant, id);
        return act(redirect, id, () -> {
            work.sendToCounty(tenant, id);
            redirect.addFlashAttribute("notice", "report.sent");
            return "redirect:/reports/" + id;
        });
    }

    @PostMapping("/member-links")
    String memberLink(
            Tenant tenant,
            @RequestParam(defaultValue = "") String member,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) LocalDate approvedOn,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (!isCounty(tenant)
                || member.isBlank()
                || title.isBlank()
                || member.length() > 200
                || title.length() > 300
                || !url.matches("https?://\\S{3,2000}")
                || (approvedOn != null && approvedOn.isAfter(today()))) {
            redirect.addFlashAttribute("problem", "report.members.invalid");
            return "redirect:/reports#members";
        }
        reports.insertMemberLink(
                tenant.organisation(), member.strip(), title.strip(), url.strip(), approvedOn, today());
        audit.created(
                tenant,
                "report_member_link",
                member.strip(),
                Map.of("member", member.strip(), "title", title.strip(), "url", url.strip()));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/reports#members";
    }

    // Versions and their files

    @GetMapping("/{id}/versions/{n}")
    String version(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable int n,
            @RequestParam(required = false) UUID job,
            Locale locale,
            Model model) {
        Report r = work.find(tenant, id);
        Snapshot s = snapshot(tenant, id, n);
        Frozen frozen = frozenCache.of(s);
        ReportContent content = frozen.in(locale.getLanguage());
        model.addAttribute("report", r);
        model.addAttribute("snapshot", s);
        model.addAttribute("frozen", frozen);
        model.addAttribute("doc", content);
        model.addAttribute("html", htmlOf(content));
        model.addAttribute("changedBlocks", List.of());
        model.addAttribute(
                "job",
                job == null ? null : exports.job(tenant.organisation(), job).orElse(null));
        Map<String, Boolean> made = new LinkedHashMap<>();
        for (String lang : List.of("fi", "sv", "en")) {
            for (String format : exports.formats()) {
                made.put(format + "-" + lang, exports.file(s, format, lang).isPresent());
            }
        }
        model.addAttribute("made", made);
        return "report/version";
    }

    private Snapshot snapshot(Tenant tenant, UUID id, int n) {
        return reports.versions(tenant.organisation(), id).stream()
                .filter(x -> x.versionNo() == n)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("version"));
    }

    @PostMapping("/{id}/versions/{n}/files")
    String makeFile(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable int n,
            @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "") String lang,
            RedirectAttributes redirect) {
        Snapshot s = snapshot(tenant, id, n);
        if (!ReportExports.FORMATS.contains(format) || !ReportExports.LANGUAGES.contains(lang)) {
            throw new NotFoundException("format");
        }
        Optional<UUID> job = exports.start(tenant.organisation(), tenant.user(), s, format, lang);
        if (job.isEmpty()) {
            redirect.addFlashAttribute("notice", "report.export.running");
            return "redirect:/reports/" + id + "/versions/" + n;
        }
        return "redirect:/reports/" + id + "/versions/" + n + "?job=" + job.get();
    }

    @GetMapping("/{id}/versions/{n}/report-{lang}.{format}")
    ResponseEntity<byte[]> file(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable int n,
            @PathVariable String lang,
            @PathVariable String format) {
        Snapshot s = snapshot(tenant, id, n);
        if (!ReportExports.FORMATS.contains(format) || !ReportExports.LANGUAGES.contains(lang)) {
            throw new NotFoundException("format");
        }
        byte[] bytes = exports.file(s, format, lang).orElseThrow(() -> new NotFoundException("file"));
        return PublicReportController.download(bytes, format, "hyvinvointikertomus-" + n + "-" + lang + "." + format);
    }

    @GetMapping("/{id}/versions/{n}/data.json")
    ResponseEntity<String> dataJson(Tenant tenant, @PathVariable UUID id, @PathVariable int n) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(exports.json(snapshot(tenant, id, n)));
    }

    @GetMapping("/{id}/versions/{n}/data.csv")
    ResponseEntity<String> dataCsv(Tenant tenant, @PathVariable UUID id, @PathVariable int n) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hyvinvointikertomus-" + n + ".csv\"")
                .body(exports.csv(snapshot(tenant, id, n)));
    }

    // Helpers

    private String act(RedirectAttributes redirect, UUID id, java.util.function.Supplier<String> action) {
        return act(redirect, id, action, "/reports/" + id);
    }

    private String act(RedirectAttributes redirect, UUID id, java.util.function.Supplier<String> action, String back) {
        try {
            return action.get();
        } catch (ReportProblem p) {
            redirect.addFlashAttribute("problemText", text(p));
            return "redirect:" + back;
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.saveRefused");
            return "redirect:" + back;
        }
    }

    private String text(ReportProblem p) {
        return messages.getMessage(p.key(), p.args(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private String msg(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
