package fi.hyte.impact.web;

import fi.hyte.impact.ImpactCatalog;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reading across decisions: the decided cases filtered by plan goal, group, area, sector and year
 * (issue 13 §8), and the share of key decisions assessed by year, body and sector with its XLSX (§9).
 */
@Controller
@RequestMapping("/impact")
class ImpactAcrossController {

    static final int SHOWN = 200;

    private final DecisionCases cases;
    private final ImpactCatalog catalog;
    private final Templates templates;
    private final OrganisationCatalog organisations;
    private final PlanCatalog plans;
    private final MessageSource messages;
    private final ZoneId zone;

    ImpactAcrossController(
            DecisionCases cases,
            ImpactCatalog catalog,
            Templates templates,
            OrganisationCatalog organisations,
            PlanCatalog plans,
            MessageSource messages,
            @Value("${hyte.time-zone}") String zone) {
        this.cases = cases;
        this.catalog = catalog;
        this.templates = templates;
        this.organisations = organisations;
        this.plans = plans;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** A choice of a filter: its value and its words. */
    public record Choice(String value, String label) {}

    @GetMapping("/decisions")
    String decisions(
            Tenant tenant,
            @RequestParam(required = false) String goal,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) String year,
            Locale locale,
            Model model) {
        TemplateContent template = templates.latest(tenant.organisation()).content();
        List<Choice> goals = goals(tenant, locale);
        List<Choice> groups = template.rows().stream()
                .filter(TemplateContent.Row::group)
                .map(r -> new Choice(r.key(), r.label().in(locale)))
                .toList();
        List<Choice> areas = template.areas().stream()
                .map(a -> new Choice(a.fi(), a.in(locale)))
                .toList();
        Map<UUID, LocalizedText> sectors = new LinkedHashMap<>();
        organisations.sectors(tenant.organisation()).forEach(s -> sectors.put(s.id(), s.name()));
        Map<UUID, LocalizedText> bodies = new LinkedHashMap<>();
        organisations.bodies(tenant.organisation()).forEach(b -> bodies.put(b.id(), b.name()));

        // A value that is not one of the choices is named and left out, never guessed at.
        List<String> problems = new ArrayList<>();
        UUID goalId = choice(goal, goals, problems, "impact.across.goal");
        String groupKey = blank(group) == null ? null : known(group, groups, problems, "impact.across.group");
        String areaName = blank(area) == null ? null : known(area, areas, problems, "impact.across.area");
        UUID sectorId =
                uuid(sector, sectors.keySet().stream().map(UUID::toString).toList(), problems, "impact.across.sector");
        Integer yearValue = year(year, problems);

        DecisionCases.DecisionFilter filter =
                new DecisionCases.DecisionFilter(goalId, groupKey, areaName, sectorId, yearValue);
        List<DecisionCases.Decided> found = cases.decided(tenant.organisation(), filter, SHOWN);
        int total = found.size() < SHOWN ? found.size() : cases.countDecided(tenant.organisation(), filter);
        Map<UUID, List<DecisionCases.GoalTouch>> touches = goalId == null
                ? Map.of()
                : cases.touchingGoal(tenant.organisation(), goalId).stream()
                        .collect(Collectors.groupingBy(DecisionCases.GoalTouch::caseId));
        model.addAttribute("goals", goals);
        model.addAttribute("groups", groups);
        model.addAttribute("areas", areas);
        model.addAttribute("sectors", sectors);
        model.addAttribute("bodies", bodies);
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("found", found);
        model.addAttribute("total", total);
        model.addAttribute("shown", SHOWN);
        model.addAttribute("touches", touches);
        model.addAttribute(
                "groupLabel",
                groupKey == null
                        ? null
                        : groups.stream()
                                .filter(g -> g.value().equals(groupKey))
                                .map(Choice::label)
                                .findFirst()
                                .orElse(groupKey));
        return "impact/decisions";
    }

    private List<Choice> goals(Tenant tenant, Locale locale) {
        List<Choice> goals = new ArrayList<>();
        plans.plans(tenant.organisation())
                .forEach(p -> plans.content(tenant.organisation(), p.id())
                        .ifPresent(content -> content.lines()
                                .forEach(line -> line.goals()
                                        .forEach(g -> goals.add(new Choice(
                                                g.id().toString(),
                                                p.title().in(locale) + ": " + g.ref() + " "
                                                        + g.title().in(locale)))))));
        return goals;
    }

    private static UUID choice(String value, List<Choice> choices, List<String> problems, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (choices.stream().noneMatch(c -> c.value().equals(v))) {
            problems.add(field);
            return null;
        }
        return UUID.fromString(v);
    }

    private static String known(String value, List<Choice> choices, List<String> problems, String field) {
        String v = value.strip();
        if (choices.stream().noneMatch(c -> c.value().equals(v))) {
            problems.add(field);
            return null;
        }
        return v;
    }

    private static UUID uuid(String value, List<String> known, List<String> problems, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (!known.contains(v)) {
            problems.add(field);
            return null;
        }
        return UUID.fromString(v);
    }

    private static Integer year(String value, List<String> problems) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            int y = Integer.parseInt(v);
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add("impact.across.year");
        return null;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // The share of key decisions assessed

    @GetMapping("/share")
    String share(Tenant tenant, @RequestParam(required = false) String year, Model model) {
        List<String> problems = new ArrayList<>();
        Integer asked = year(year, problems);
        int shown = asked == null ? LocalDate.now(zone).getYear() : asked;
        model.addAttribute("report", catalog.shareReport(tenant.organisation(), shown));
        model.addAttribute("year", shown);
        model.addAttribute("problems", problems);
        model.addAttribute("bodies", bodyNames(tenant));
        model.addAttribute("sectors", sectorNames(tenant));
        return "impact/share";
    }

    @GetMapping("/share.xlsx")
    ResponseEntity<byte[]> shareXlsx(Tenant tenant, @RequestParam(required = false) String year, Locale locale) {
        List<String> problems = new ArrayList<>();
        Integer asked = year(year, problems);
        int shown = asked == null ? LocalDate.now(zone).getYear() : asked;
        ImpactCatalog.ShareReport report = catalog.shareReport(tenant.organisation(), shown);
        byte[] body = workbook(report, bodyNames(tenant), sectorNames(tenant), locale);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("arvioidut-paatokset-" + shown + ".xlsx")
                                .build()
                                .toString())
                .body(body);
    }

    private Map<UUID, LocalizedText> bodyNames(Tenant tenant) {
        Map<UUID, LocalizedText> names = new LinkedHashMap<>();
        organisations.bodies(tenant.organisation()).forEach(b -> names.put(b.id(), b.name()));
        return names;
    }

    private Map<UUID, LocalizedText> sectorNames(Tenant tenant) {
        Map<UUID, LocalizedText> names = new LinkedHashMap<>();
        organisations.sectors(tenant.organisation()).forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    /** Two sheets of counts (by body, by sector; the total first on each) and one of the skipped cases. */
    private byte[] workbook(
            ImpactCatalog.ShareReport report,
            Map<UUID, LocalizedText> bodies,
            Map<UUID, LocalizedText> sectors,
            Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            ImpactCatalog.Counts total = report.all();
            countsSheet(
                    book,
                    bold,
                    word("impact.share.byBody", locale),
                    word("impact.case.body", locale),
                    total,
                    report.byBody(),
                    bodies,
                    locale);
            countsSheet(
                    book,
                    bold,
                    word("impact.share.bySector", locale),
                    word("impact.case.sector", locale),
                    total,
                    report.bySector(),
                    sectors,
                    locale);
            Sheet skipped = book.createSheet(word("impact.share.skippedSheet", locale));
            header(skipped.createRow(0), bold, word("impact.case.title", locale), word("impact.share.reason", locale));
            int r = 1;
            for (ImpactCatalog.Skipped s : report.total().skipped()) {
                Row row = skipped.createRow(r++);
                row.createCell(0).setCellValue(s.title());
                row.createCell(1).setCellValue(s.reason());
            }
            skipped.setColumnWidth(0, 60 * 256);
            skipped.setColumnWidth(1, 60 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void countsSheet(
            XSSFWorkbook book,
            CellStyle bold,
            String name,
            String first,
            ImpactCatalog.Counts total,
            List<ImpactCatalog.Counts> rows,
            Map<UUID, LocalizedText> names,
            Locale locale) {
        Sheet sheet = book.createSheet(name);
        header(
                sheet.createRow(0),
                bold,
                first,
                word("impact.share.required", locale),
                word("impact.share.assessed", locale),
                word("impact.share.share", locale),
                word("impact.share.childRequired", locale),
                word("impact.share.childAssessed", locale),
                word("impact.share.childShare", locale),
                word("impact.share.genderRequired", locale),
                word("impact.share.genderAssessed", locale),
                word("impact.share.genderShare", locale),
                word("impact.share.skippedCount", locale));
        int r = 1;
        countsRow(sheet.createRow(r++), word("impact.share.total", locale), total);
        for (ImpactCatalog.Counts c : rows) {
            String label = c.id() == null
                    ? word("impact.share.none", locale)
                    : names.containsKey(c.id()) ? names.get(c.id()).in(locale) : c.id().toString();
            countsRow(sheet.createRow(r++), label, c);
        }
        sheet.setColumnWidth(0, 40 * 256);
        for (int i = 1; i <= 10; i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
    }

    private static void header(Row row, CellStyle bold, String... words) {
        for (int i = 0; i < words.length; i++) {
            row.createCell(i).setCellValue(words[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    /** A row of counts; a share without cases is left empty ("no data"), never 0. */
    private static void countsRow(Row row, String label, ImpactCatalog.Counts c) {
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(c.required());
        row.createCell(2).setCellValue(c.assessed());
        percent(row, 3, c.share());
        row.createCell(4).setCellValue(c.childRequired());
        row.createCell(5).setCellValue(c.childAssessed());
        percent(row, 6, c.childShare());
        row.createCell(7).setCellValue(c.genderRequired());
        row.createCell(8).setCellValue(c.genderAssessed());
        percent(row, 9, c.genderShare());
        row.createCell(10).setCellValue(c.skipped());
    }

    private static void percent(Row row, int column, Long value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
