package fi.hyte.participation.web;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.Summaries;
import fi.hyte.participation.domain.SummaryWorkbook;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "You said, we did" for staff: a consultation's comments, grouping them into themes, answering each
 * comment or theme with an outcome, concluding the consultation; and its summary page and XLSX.
 */
@Controller
@RequestMapping("/participation/consultations/{id}")
class YouSaidWeDidController {

    private final Consultations consultations;
    private final YouSaidWeDid loop;
    private final Summaries summaries;
    private final SummaryWorkbook workbook;

    YouSaidWeDidController(
            Consultations consultations, YouSaidWeDid loop, Summaries summaries, SummaryWorkbook workbook) {
        this.consultations = consultations;
        this.loop = loop;
        this.summaries = summaries;
        this.workbook = workbook;
    }

    /** The answer form of one comment or theme, bound from the request. */
    record ReplyForm(
            String targetKind,
            UUID target,
            String outcome,
            String textFi,
            String textSv,
            String elsewhereUrl,
            List<String> links,
            Integer version) {}

    @GetMapping("/answers")
    String answers(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.VIEWER);
        Consultation c = own(tenant, id);
        model.addAttribute("consultation", c);
        model.addAttribute("sections", names(tenant, id));
        model.addAttribute("comments", loop.comments(tenant.organisation(), id));
        model.addAttribute("themes", loop.themes(tenant.organisation(), id));
        model.addAttribute("statements", loop.statements(tenant.organisation(), id));
        model.addAttribute("answers", loop.answers(tenant.organisation(), id));
        model.addAttribute("progress", loop.progress(tenant.organisation(), id));
        model.addAttribute("linkChoices", loop.linkChoices(tenant.organisation(), c));
        model.addAttribute("outcomes", YouSaidWeDid.OUTCOMES);
        model.addAttribute("canAnswer", tenant.can(Role.COORDINATOR));
        model.addAttribute("over", c.isOver(Instant.now()));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "participation/answers";
    }

    @PostMapping("/themes")
    String addTheme(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String titleFi,
            @RequestParam(required = false) String titleSv,
            @RequestParam(required = false) String titleEn,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        List<String> problems = loop.addTheme(tenant, id, new LocalizedText(titleFi, titleSv, titleEn));
        return back(id, problems, null, redirect, "themes");
    }

    @PostMapping("/group")
    String group(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String theme,
            @RequestParam(name = "comment", required = false) List<UUID> comments,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        if (comments == null || comments.isEmpty()) {
            return back(id, List.of("participation.loop.problem.noneChosen"), null, redirect, "comments");
        }
        UUID chosen = theme == null || theme.isBlank() || theme.equals("NONE") ? null : uuid(theme);
        loop.group(tenant, id, chosen, comments);
        return back(id, List.of(), null, redirect, "comments");
    }

    @PostMapping("/answer")
    String answer(Tenant tenant, @PathVariable UUID id, ReplyForm form, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        if (form.target() == null) {
            throw new NotFoundException("Answered item");
        }
        List<String> problems;
        try {
            problems = loop.answer(
                    tenant,
                    id,
                    new YouSaidWeDid.Reply(
                            form.targetKind(),
                            form.target(),
                            form.outcome(),
                            form.textFi(),
                            form.textSv(),
                            form.elsewhereUrl(),
                            form.links() == null ? List.of() : form.links(),
                            form.version()));
        } catch (ConcurrentChangeException e) {
            problems = List.of("participation.loop.problem.conflict");
        }
        if (!problems.isEmpty()) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("outcome", String.valueOf(form.outcome()));
            typed.put("textFi", form.textFi() == null ? "" : form.textFi());
            typed.put("textSv", form.textSv() == null ? "" : form.textSv());
            typed.put("elsewhereUrl", form.elsewhereUrl() == null ? "" : form.elsewhereUrl());
            redirect.addFlashAttribute("typed", typed);
            redirect.addFlashAttribute("typedLinks", form.links() == null ? List.of() : form.links());
        }
        return back(id, problems, form.target(), redirect, "item-" + form.target());
    }

    @PostMapping("/conclude")
    String conclude(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        List<String> problems = loop.conclude(tenant, id, Instant.now());
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", "participation.loop.concluded");
        }
        return back(id, problems, null, redirect, "conclude");
    }

    @GetMapping("/summary")
    String summary(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.VIEWER);
        model.addAttribute("summary", summaries.of(tenant.organisation(), id));
        // Run outside Hyte: its participants were counted there, not as respondents here.
        model.addAttribute(
                "outside", consultations.outside(tenant.organisation(), id).orElse(null));
        return "participation/summary";
    }

    @GetMapping("/summary.xlsx")
    ResponseEntity<byte[]> xlsx(Tenant tenant, @PathVariable UUID id, Locale locale) throws IOException {
        tenant.require(Role.VIEWER);
        own(tenant, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(tenant.organisation(), id, locale, out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kuuleminen-" + id + ".xlsx")
                                .build()
                                .toString())
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    private String back(UUID id, List<String> problems, UUID target, RedirectAttributes redirect, String anchor) {
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            redirect.addFlashAttribute("problemTarget", target);
        } else if (!redirect.getFlashAttributes().containsKey("notice")) {
            redirect.addFlashAttribute("notice", "saved");
        }
        return "redirect:/participation/consultations/" + id + "/answers#" + anchor;
    }

    /** The names of the consultation's sections and questions by their ids. */
    private Map<UUID, LocalizedText> names(Tenant tenant, UUID id) {
        Map<UUID, LocalizedText> names = new LinkedHashMap<>();
        consultations.sections(tenant.organisation(), id).forEach(s -> names.put(s.id(), s.title()));
        consultations.questions(tenant.organisation(), id).forEach(q -> names.put(q.id(), q.text()));
        return names;
    }

    private Consultation own(Tenant tenant, UUID id) {
        return consultations.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Consultation"));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Theme");
        }
    }
}
