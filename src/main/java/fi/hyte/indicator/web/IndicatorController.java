package fi.hyte.indicator.web;

import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.indicator.domain.IndicatorFigures;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.KnowledgeBase;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.organisation.DataFreshness;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's knowledge base: the set's overview, one indicator, the set and the comparisons. */
@Controller
@RequestMapping("/indicators")
class IndicatorController {

    private final KnowledgeBase knowledge;
    private final Indicators indicators;
    private final IndicatorSets sets;
    private final IndicatorValues values;
    private final Comparisons comparisons;
    private final IndicatorRegions regions;
    private final IndicatorFigures figures;
    private final AuditLog audit;
    private final OrganisationCatalog organisations;

    IndicatorController(
            KnowledgeBase knowledge,
            Indicators indicators,
            IndicatorSets sets,
            IndicatorValues values,
            Comparisons comparisons,
            IndicatorRegions regions,
            IndicatorFigures figures,
            AuditLog audit,
            OrganisationCatalog organisations) {
        this.organisations = organisations;
        this.knowledge = knowledge;
        this.indicators = indicators;
        this.sets = sets;
        this.values = values;
        this.comparisons = comparisons;
        this.regions = regions;
        this.figures = figures;
        this.audit = audit;
    }

    @GetMapping
    String overview(Tenant tenant, Model model) {
        KnowledgeBase.Overview overview = knowledge.overview(tenant.organisation());
        DataFreshness freshness = organisations.freshness(tenant.organisation());
        model.addAttribute("overview", overview);
        model.addAttribute("freshness", freshness);
        List<Integer> staleYears = overview.groups().values().stream()
                .flatMap(List::stream)
                .map(row -> row.analysis().own())
                .filter(own -> own != null && freshness.stale(own.year()))
                .map(own -> own.year())
                .toList();
        model.addAttribute("staleCount", staleYears.size());
        model.addAttribute(
                "oldestYear", staleYears.stream().min(Integer::compare).orElse(0));
        model.addAttribute("canSettle", tenant.can(Role.COORDINATOR));
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "indicator/overview";
    }

    @GetMapping("/{id}")
    String indicator(
            Tenant tenant,
            @PathVariable int id,
            @RequestParam(required = false) String gender,
            Locale locale,
            Model model) {
        Indicator indicator =
                indicators.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("indicator"));
        Analysis analysis = knowledge.indicator(
                tenant.organisation(),
                indicator,
                Optional.ofNullable(gender)
                        .filter(g -> !g.isBlank())
                        .flatMap(Gender::parse)
                        .filter(indicator.genders()::contains));
        Gender chosen = analysis.gender();
        model.addAttribute("indicator", indicator);
        model.addAttribute("analysis", analysis);
        model.addAttribute("freshness", organisations.freshness(tenant.organisation()));
        model.addAttribute("gender", chosen);
        IndicatorFigures.Figures shown = figures.of(analysis, locale);
        model.addAttribute("chart", shown.chart());
        model.addAttribute("chartLeftOut", shown.leftOut());
        model.addAttribute("table", shown.table());
        model.addAttribute("genderChart", shown.genderChart());
        model.addAttribute("chartNarrow", shown.chartNarrow());
        model.addAttribute("genderChartNarrow", shown.genderChartNarrow());
        model.addAttribute(
                "genderHeading", shown.genderChart() == null ? null : figures.genderHeading(analysis, locale));
        model.addAttribute("provenance", values.provenance(id).orElse(null));
        model.addAttribute(
                "item",
                sets.of(tenant.organisation()).stream()
                        .filter(i -> i.indicatorId() == id)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("themes", Theme.values());
        return "indicator/indicator";
    }

    @GetMapping("/search")
    String search(
            Tenant tenant,
            @RequestParam(defaultValue = "") String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        String words = q.strip();
        model.addAttribute("q", words);
        model.addAttribute(
                "results", words.length() < 2 ? List.of() : indicators.search(tenant.organisation(), words, 50));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("themes", Theme.values());
        return htmx != null ? "indicator/search :: results" : "indicator/search";
    }

    @GetMapping("/set")
    String set(Tenant tenant, Model model) {
        List<IndicatorSets.Item> items = sets.of(tenant.organisation());
        model.addAttribute("items", items);
        model.addAttribute(
                "titles",
                indicators
                        .findAll(
                                tenant.organisation(),
                                items.stream()
                                        .map(IndicatorSets.Item::indicatorId)
                                        .toList())
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(Indicator::id, Indicator::title)));
        model.addAttribute("suggestions", sets.suggestions());
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("themes", Theme.values());
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "indicator/set";
    }

    @PostMapping("/set")
    String putInSet(
            Tenant tenant,
            @RequestParam(required = false) Integer indicator,
            @RequestParam(required = false) AgeGroup ageGroup,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (indicator == null || ageGroup == null || theme == null) {
            redirect.addFlashAttribute("problem", "indicator.set.incomplete");
            return "redirect:/indicators/set";
        }
        Indicator chosen =
                indicators.find(tenant.organisation(), indicator).orElseThrow(() -> new NotFoundException("indicator"));
        sets.put(tenant.organisation(), chosen.id(), ageGroup, theme);
        audit.updated(
                tenant,
                "indicatorSetItem",
                chosen.id() + "",
                null,
                Map.of("indicator", chosen.id(), "title", chosen.title(), "ageGroup", ageGroup, "theme", theme));
        redirect.addFlashAttribute("notice", "indicator.set.saved");
        return "indicator".equals(back) ? "redirect:/indicators/" + chosen.id() : "redirect:/indicators/set";
    }

    @PostMapping("/set/{id}/remove")
    String removeFromSet(Tenant tenant, @PathVariable int id, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (!sets.remove(tenant.organisation(), id)) {
            throw new NotFoundException("indicator");
        }
        audit.deleted(tenant, "indicatorSetItem", id + "", Map.of("indicator", id));
        redirect.addFlashAttribute("notice", "indicator.set.removed");
        return "redirect:/indicators/set";
    }

    @PostMapping("/set/suggestions")
    String adoptSuggestions(Tenant tenant, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        int added = sets.adoptSuggestions(tenant.organisation());
        audit.updated(tenant, "indicatorSetItem", "suggestions", null, Map.of("added", added));
        redirect.addFlashAttribute("notice", "indicator.set.adopted");
        return "redirect:/indicators/set";
    }

    @GetMapping("/comparisons")
    String comparisons(Tenant tenant, Model model) {
        model.addAttribute("set", comparisons.of(tenant.organisation()));
        model.addAttribute("suggestions", comparisons.suggestions(tenant.organisation()));
        var chosen = comparisons.of(tenant.organisation()).ids();
        model.addAttribute(
                "choosable",
                comparisons.choosable().stream()
                        .filter(r -> !chosen.contains(r.id()))
                        .toList());
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "indicator/comparisons";
    }

    @PostMapping("/comparisons")
    String addPeer(Tenant tenant, @RequestParam(required = false) Integer region, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        IndicatorRegion chosen = region == null
                ? null
                : comparisons.choosable().stream()
                        .filter(r -> r.id() == region)
                        .findFirst()
                        .orElse(null);
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "indicator.comparisons.choose");
            return "redirect:/indicators/comparisons";
        }
        comparisons.addPeer(tenant.organisation(), chosen.id());
        audit.created(tenant, "comparisonRegion", chosen.id() + "", Map.of("region", chosen.id()));
        redirect.addFlashAttribute("notice", "indicator.comparisons.added");
        return "redirect:/indicators/comparisons";
    }

    @PostMapping("/comparisons/{region}/remove")
    String removePeer(Tenant tenant, @PathVariable int region, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (!comparisons.removePeer(tenant.organisation(), region)) {
            throw new NotFoundException("indicator");
        }
        audit.deleted(tenant, "comparisonRegion", region + "", Map.of("region", region));
        redirect.addFlashAttribute("notice", "indicator.comparisons.removed");
        return "redirect:/indicators/comparisons";
    }
}
