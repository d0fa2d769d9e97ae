package fi.hyte.indicator.web;

import fi.hyte.indicator.sotkanet.SotkanetRefresh;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.jobs.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Päivitä nyt": the system operator's Sotkanet refresh, with its progress and recent results. */
@Controller
@RequestMapping("/indicators/refresh")
class RefreshController {

    private final SotkanetRefresh refresh;
    private final Jobs jobs;
    private final MessageSource messages;
    private final JsonMapper json;

    RefreshController(SotkanetRefresh refresh, Jobs jobs, MessageSource messages, JsonMapper json) {
        this.refresh = refresh;
        this.jobs = jobs;
        this.messages = messages;
        this.json = json;
    }

    /** A refresh as the panel shows it: its job, its outcome in words and its counts. */
    record RefreshRun(Jobs.Job job, String outcome, int updated, int unchanged, int failed) {}

    @PostMapping
    String start(
            Tenant tenant,
            @RequestParam(required = false) String indicators,
            @RequestParam(required = false) String years,
            RedirectAttributes redirect) {
        tenant.requireOperator();
        List<Integer> ids = numbers(indicators);
        List<Integer> span = numbers(years);
        if (ids == null || span == null) {
            redirect.addFlashAttribute("problem", "indicator.sotkanet.badRequest");
        } else if (refresh.start(tenant.user(), ids, span).isEmpty()) {
            redirect.addFlashAttribute("problem", "indicator.sotkanet.running");
        } else {
            redirect.addFlashAttribute("notice", "indicator.refresh.started");
        }
        return "redirect:/indicators/imports#refresh";
    }

    /** The panel on its own, which htmx polls while a refresh runs. */
    @GetMapping("/status")
    String status(Tenant tenant, Locale locale, Model model) {
        tenant.requireOperator();
        describe(model, locale);
        return "indicator/refresh :: status";
    }

    void describe(Model model, Locale locale) {
        List<RefreshRun> runs = new ArrayList<>();
        for (Jobs.Job job : jobs.recent(SotkanetRefresh.KIND, SotkanetRefresh.SCOPE, 5)) {
            runs.add(run(job, locale));
        }
        model.addAttribute("refreshRuns", runs);
        model.addAttribute("refreshRunning", runs.stream().anyMatch(r -> r.job().running()));
    }

    private RefreshRun run(Jobs.Job job, Locale locale) {
        String outcome = job.message() == null
                ? null
                : messages.getMessage(job.message(), new Object[] {refresh.sotkanetHost()}, job.message(), locale);
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        if (job.result() != null) {
            JsonNode result = json.readTree(job.result());
            updated = result.path("updated").size();
            unchanged = result.path("unchanged").size();
            failed = result.path("failed").size();
        }
        return new RefreshRun(job, outcome, updated, unchanged, failed);
    }

    /** Comma- or space-separated whole numbers; empty means all; null when not understood. */
    static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return numbers;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("\\d{1,9}")) {
                return null;
            }
            numbers.add(Integer.valueOf(part));
        }
        return numbers;
    }
}
