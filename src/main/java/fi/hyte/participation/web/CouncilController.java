package fi.hyte.participation.web;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.Moderation;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A consultation's invited councils: their deadlines and reminders, and the statements entered by
 * the coordinator or the council's secretary; and the consultation's workshop code.
 */
@Controller
@RequestMapping("/participation/consultations/{id}")
class CouncilController {

    private final Consultations consultations;
    private final CouncilStatements statements;
    private final Moderation moderation;
    private final ZoneId zone;

    CouncilController(
            Consultations consultations,
            CouncilStatements statements,
            Moderation moderation,
            @Value("${hyte.time-zone}") String zone) {
        this.consultations = consultations;
        this.statements = statements;
        this.moderation = moderation;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/councils")
    String councils(Tenant tenant, @PathVariable UUID id, Model model) {
        Consultation c = own(tenant, id);
        model.addAttribute("consultation", c);
        model.addAttribute("councils", statements.invited(tenant, c, LocalDate.now(zone)));
        model.addAttribute("canCoordinate", tenant.can(Role.COORDINATOR));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "participation/councils";
    }

    @PostMapping("/councils")
    String enter(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        own(tenant, id);
        UUID body = uuid(form.get("body"));
        int version = number(form.get("version"));
        List<String> problems;
        String action = String.valueOf(form.get("action"));
        if (action.equals("deadline")) {
            LocalDate deadline = date(form.get("deadline"));
            if (deadline == null
                    && form.get("deadline") != null
                    && !form.get("deadline").isBlank()) {
                problems = List.of("participation.councils.problem.date");
            } else {
                problems =
                        statements.setDeadline(tenant, id, body, deadline, version) ? List.of() : List.of("conflict");
            }
        } else {
            boolean given = action.equals("given");
            LocalDate meeting = date(form.get("meetingDate"));
            problems = given
                            && meeting == null
                            && form.get("meetingDate") != null
                            && !form.get("meetingDate").isBlank()
                    ? List.of("participation.councils.problem.date")
                    : statements.enter(
                            tenant,
                            id,
                            body,
                            given,
                            meeting,
                            form.get("section"),
                            form.get("textFi"),
                            form.get("textSv"),
                            version);
        }
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", "saved");
            return "redirect:/participation/consultations/" + id + "/councils";
        }
        model.addAttribute("failed", body);
        model.addAttribute(
                "problems", problems.stream().filter(p -> !p.equals("conflict")).toList());
        if (problems.contains("conflict")) {
            model.addAttribute(
                    "conflictStatement",
                    statements.find(tenant.organisation(), id, body).orElse(null));
        }
        model.addAttribute("typed", form);
        return councils(tenant, id, model);
    }

    @GetMapping("/workshop")
    String workshop(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.COORDINATOR);
        Consultation c = own(tenant, id);
        model.addAttribute("consultation", c);
        if (!model.containsAttribute("code")) {
            model.addAttribute(
                    "code", moderation.workshopCode(tenant.organisation(), id).orElse(""));
        }
        return "participation/workshop";
    }

    @PostMapping("/workshop")
    String saveWorkshop(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String code,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        var problem = moderation.setWorkshopCode(tenant, id, code);
        if (problem.isPresent()) {
            model.addAttribute("codeProblem", problem.get());
            model.addAttribute("code", code);
            return workshop(tenant, id, model);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation/consultations/" + id + "/workshop";
    }

    private Consultation own(Tenant tenant, UUID id) {
        return consultations.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Consultation"));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Council");
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int number(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
