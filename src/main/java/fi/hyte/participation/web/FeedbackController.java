package fi.hyte.participation.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.MeasureFeedback;
import fi.hyte.participation.domain.Moderation;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Residents' feedback on measures, by responsible sector: the signed-in user's own sector first;
 * editors answer, coordinators show held feedback or hide it with a listed reason.
 */
@Controller
@RequestMapping("/participation/feedback")
class FeedbackController {

    private final MeasureFeedback feedback;
    private final OrganisationCatalog organisations;

    FeedbackController(MeasureFeedback feedback, OrganisationCatalog organisations) {
        this.feedback = feedback;
        this.organisations = organisations;
    }

    @GetMapping
    String list(Tenant tenant, @RequestParam(required = false) String sector, Model model) {
        var sectors = organisations.sectors(tenant.organisation());
        String chosen;
        if (sector == null) {
            chosen = organisations
                    .personOf(tenant.organisation(), tenant.user())
                    .map(OrganisationCatalog.PersonSummary::sectorId)
                    .map(UUID::toString)
                    .orElse("ALL");
        } else if (sector.equals("NONE")
                || sectors.stream().anyMatch(s -> s.id().toString().equals(sector))) {
            chosen = sector;
        } else {
            chosen = "ALL";
        }
        model.addAttribute("sectors", sectors);
        model.addAttribute("sector", chosen);
        model.addAttribute("items", feedback.list(tenant.organisation(), chosen.equals("ALL") ? null : chosen));
        model.addAttribute("canAnswer", tenant.can(Role.EDITOR));
        model.addAttribute("canModerate", tenant.can(Role.COORDINATOR));
        model.addAttribute("reasons", Moderation.REASONS);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "participation/feedback";
    }

    @PostMapping("/{id}")
    String act(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.EDITOR);
        feedback.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Feedback"));
        int version = number(form.get("version"));
        String action = String.valueOf(form.get("action"));
        Optional<String> problem = switch (action) {
            case "answer" -> feedback.answer(tenant, id, version, form.get("answerFi"), form.get("answerSv"));
            case "show" -> feedback.moderate(tenant, id, version, true, null, null);
            case "hide" -> feedback.moderate(tenant, id, version, false, form.get("reason"), form.get("note"));
            default -> Optional.of("participation.moderation.problem.action");
        };
        String sector = form.getOrDefault("sector", "ALL");
        if (problem.isEmpty()) {
            redirect.addFlashAttribute("notice", "saved");
            redirect.addAttribute("sector", sector);
            return "redirect:/participation/feedback";
        }
        model.addAttribute("failed", id);
        model.addAttribute("feedbackProblem", problem.get());
        if (problem.get().equals("conflict")) {
            model.addAttribute(
                    "current", feedback.find(tenant.organisation(), id).orElse(null));
        }
        model.addAttribute("typed", form);
        return list(tenant, sector, model);
    }

    private static int number(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
