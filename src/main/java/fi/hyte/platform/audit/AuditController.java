package fi.hyte.platform.audit;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.AuditWords;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The organisation's change log, for its administrators: who changed what, when, from what to
 * what, in words, filtered by person, kind of record, days and text, a page at a time.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private static final DateTimeFormatter FINNISH_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final AuditLog audit;
    private final AuditWords words;
    private final ZoneId zone;

    AuditController(AuditLog audit, AuditWords words, @Value("${hyte.time-zone}") String zone) {
        this.audit = audit;
        this.words = words;
        this.zone = ZoneId.of(zone);
    }

    /** The filters as the form sends them: all optional, dates as typed (1.3.2026 or 2026-03-01). */
    record AuditFilterForm(String person, String kind, String from, String to, String q, Integer page) {}

    @GetMapping("/admin/audit")
    String log(
            Tenant tenant,
            @ModelAttribute("filter") AuditFilterForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale,
            Model model) {
        tenant.require(Role.ADMIN);
        List<String> problems = new ArrayList<>();
        LocalDate from = date(form.from(), "audit.filter.from", problems);
        LocalDate to = date(form.to(), "audit.filter.to", problems);
        Map<String, String> kinds = audit.kinds(tenant.organisation()).stream()
                .collect(Collectors.toMap(Function.identity(), k -> words.kind(k, locale)));
        String text = blankToNull(form.q());
        List<String> kindsNamed = text == null
                ? List.of()
                : kinds.entrySet().stream()
                        .filter(k -> k.getValue().toLowerCase(locale).contains(text.toLowerCase(locale)))
                        .map(Map.Entry::getKey)
                        .toList();
        String kind = kinds.containsKey(form.kind()) ? form.kind() : null;
        AuditLog.Filter filter = new AuditLog.Filter(blankToNull(form.person()), kind, from, to, text, kindsNamed);
        int total = audit.count(tenant.organisation(), filter, zone);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, form.page() == null ? 1 : form.page()), pages);
        model.addAttribute(
                "changes",
                words.show(
                        tenant.organisation(),
                        audit.find(tenant.organisation(), filter, zone, PAGE_SIZE, (current - 1) * PAGE_SIZE),
                        locale));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("all", audit.count(tenant.organisation()));
        model.addAttribute(
                "filtered",
                filter.actor() != null || filter.kind() != null || from != null || to != null || text != null);
        model.addAttribute("problems", problems);
        model.addAttribute("actors", audit.actors(tenant.organisation()));
        model.addAttribute(
                "kinds",
                kinds.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue(Comparator.comparing(v -> v.toLowerCase(locale))))
                        .toList());
        return htmx != null ? "platform/audit :: results" : "platform/audit";
    }

    private static LocalDate date(String text, String field, List<String> problems) {
        String typed = blankToNull(text);
        if (typed == null) {
            return null;
        }
        try {
            return typed.contains(".") ? LocalDate.parse(typed, FINNISH_DATE) : LocalDate.parse(typed);
        } catch (DateTimeException e) {
            problems.add(field);
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
