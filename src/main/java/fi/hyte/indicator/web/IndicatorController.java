package fi.hyte.indicator.web;

import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.ChartCache;
import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.indicator.domain.IndicatorAnalysis.RegionSeries;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.KnowledgeBase;
import fi.hyte.indicator.domain.LineChart;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;
    private final ValueFormat format;
    private final AuditLog audit;

    IndicatorController(
            KnowledgeBase knowledge,
            Indicators indicators,
            IndicatorSets sets,
            IndicatorValues values,
            Comparisons comparisons,
            IndicatorRegions regions,
            MessageSource messages,
            ValueFormat format,
            AuditLog audit) {
        this.knowledge = knowledge;
        this.indicators = indicators;
        this.sets = sets;
        this.values = values;
        this.comparisons = comparisons;
        this.regions = regions;
        this.messages = messages;
        this.format = format;
        this.audit = audit;
    }

    @GetMapping
    String overview(Tenant tenant, Model model) {
        model.addAttribute("overview", knowledge.overview(tenant.organisation()));
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
        Gender chosen =
                Gender.parse(gender).filter(indicator.genders()::contains).orElse(indicator.preferredGender());
        Analysis analysis = knowledge.indicator(tenant.organisation(), indicator, chosen);
        model.addAttribute("indicator", indicator);
        model.addAttribute("analysis", analysis);
        model.addAttribute("gender", chosen);
        List<String> leftOut = new ArrayList<>();
        model.addAttribute("chart", chart(analysis, locale, leftOut));
        model.addAttribute("chartLeftOut", leftOut);
        model.addAttribute("table", table(analysis, locale));
        model.addAttribute("genderChart", indicator.hasGenderBreakdown() ? genderChart(analysis, locale) : null);
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
                Map.of("indicator", chosen.id(), "ageGroup", ageGroup, "theme", theme));
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

    /**
     * The regions' chart. A count (population, say) of a whole region is many times a municipality's
     * and would flatten its line: a series more than five times larger or smaller than own is left
     * to the table, and the page says so.
     */
    private String chart(Analysis analysis, Locale locale, List<String> leftOut) {
        List<LineChart.Series> series = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        BigDecimal ownPeak = peak(analysis.ownSeries());
        for (RegionSeries s : analysis.series()) {
            if (s.byYear().isEmpty()) {
                continue;
            }
            String label = s.region().title().in(locale);
            BigDecimal peak = peak(s);
            if (!"own".equals(s.role())
                    && ownPeak != null
                    && peak != null
                    && ownPeak.signum() > 0
                    && peak.signum() > 0
                    && (peak.compareTo(ownPeak.multiply(BigDecimal.valueOf(5))) > 0
                            || ownPeak.compareTo(peak.multiply(BigDecimal.valueOf(5))) > 0)) {
                leftOut.add(label);
                continue;
            }
            series.add(new LineChart.Series(label, "own".equals(s.role()), points(analysis.years(), s.byYear())));
            if (s.latest() != null) {
                latest.add(label + " " + s.latest().year() + ": "
                        + format.value(s.latest().value(), locale));
            }
        }
        // The chart draws own and at most eight others; the table below lists every region.
        List<LineChart.Series> drawn = new ArrayList<>(
                series.stream().filter(LineChart.Series::emphasised).toList());
        series.stream().filter(x -> !x.emphasised()).limit(8).forEach(drawn::add);
        series = drawn;
        String title = analysis.indicator().title().in(locale);
        String description = messages.getMessage(
                "indicator.chart.description",
                new Object[] {
                    // Years as text: a year is no amount to group (2 023), and there may be none.
                    analysis.years().isEmpty()
                            ? "–"
                            : String.valueOf(analysis.years().get(0)),
                    analysis.years().isEmpty()
                            ? "–"
                            : String.valueOf(
                                    analysis.years().get(analysis.years().size() - 1)),
                    String.join("; ", latest)
                },
                locale);
        return ChartCache.render(new LineChart.Chart(
                "chart-regions",
                title,
                description,
                unit(analysis.indicator(), locale),
                decimals(analysis),
                locale,
                series));
    }

    /** One row of the data table, its cells already formatted (a chart's text alternative). */
    record TableRow(IndicatorRegion region, String role, List<String> cells) {}

    private List<TableRow> table(Analysis analysis, Locale locale) {
        List<TableRow> rows = new ArrayList<>();
        for (RegionSeries s : analysis.series()) {
            if (s.byYear().isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>(analysis.years().size());
            for (Integer year : analysis.years()) {
                BigDecimal value = s.byYear().get(year);
                cells.add(value == null ? "" : format.value(value, locale));
            }
            rows.add(new TableRow(s.region(), s.role(), cells));
        }
        return rows;
    }

    private String genderChart(Analysis analysis, Locale locale) {
        if (analysis.ownSeries() == null) {
            return null;
        }
        List<LineChart.Series> series = new ArrayList<>();
        for (Gender g : Gender.values()) {
            Map<Integer, BigDecimal> byYear = analysis.ownByGender().get(g);
            if (byYear != null && !byYear.isEmpty()) {
                series.add(new LineChart.Series(
                        messages.getMessage("indicator.gender." + g.code(), null, locale),
                        g == Gender.TOTAL,
                        points(List.copyOf(new java.util.TreeSet<>(byYear.keySet())), byYear)));
            }
        }
        if (series.size() < 2) {
            return null;
        }
        String region = analysis.ownSeries().region().title().in(locale);
        return ChartCache.render(new LineChart.Chart(
                "chart-genders",
                messages.getMessage(
                        "indicator.chart.genders",
                        new Object[] {analysis.indicator().title().in(locale), region},
                        locale),
                messages.getMessage("indicator.chart.gendersDescription", new Object[] {region}, locale),
                unit(analysis.indicator(), locale),
                decimals(analysis),
                locale,
                series));
    }

    private static BigDecimal peak(RegionSeries series) {
        return series == null
                ? null
                : series.byYear().values().stream()
                        .filter(Objects::nonNull)
                        .map(BigDecimal::abs)
                        .max(BigDecimal::compareTo)
                        .orElse(null);
    }

    private static List<LineChart.Point> points(List<Integer> years, Map<Integer, BigDecimal> byYear) {
        List<LineChart.Point> points = new ArrayList<>();
        for (Integer year : years) {
            if (byYear.containsKey(year)) {
                points.add(new LineChart.Point(year, byYear.get(year)));
            } else {
                points.add(new LineChart.Point(year, null));
            }
        }
        return points;
    }

    private static String unit(Indicator indicator, Locale locale) {
        return indicator.unit().in(locale);
    }

    private static int decimals(Analysis analysis) {
        if (analysis.indicator().decimals() != null) {
            return Math.max(0, Math.min(6, analysis.indicator().decimals()));
        }
        return Math.min(
                6,
                analysis.series().stream()
                        .flatMap(s -> s.byYear().values().stream())
                        .filter(Objects::nonNull)
                        .mapToInt(v -> Math.max(0, v.scale()))
                        .max()
                        .orElse(0));
    }
}
