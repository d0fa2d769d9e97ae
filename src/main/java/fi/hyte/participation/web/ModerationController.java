package fi.hyte.participation.web;

import fi.hyte.participation.domain.Moderation;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The moderators' queue (coordinators): held answers and flagged ones, each to approve, hide or
 * edit with a listed reason. A refused act shows the page again with the typed text and, when
 * another moderator was first, what they did.
 */
@Controller
@RequestMapping("/participation/moderation")
class ModerationController {

    private final Moderation moderation;
    private final fi.hyte.participation.domain.Consultations consultations;

    ModerationController(Moderation moderation, fi.hyte.participation.domain.Consultations consultations) {
        this.moderation = moderation;
        this.consultations = consultations;
    }

    @GetMapping
    String queue(Tenant tenant, @RequestParam(required = false) UUID consultation, Model model) {
        tenant.require(Role.COORDINATOR);
        List<Moderation.Item> items = new java.util.ArrayList<>(
                consultation == null
                        ? moderation.queue(tenant.organisation())
                        : consultations
                                .find(tenant.organisation(), consultation)
                                .map(c -> moderation.answers(tenant.organisation(), c.id()))
                                .orElseThrow(() -> new NotFoundException("Consultation")));
        // An act refused on an answer outside the queue shows that answer with its problems.
        if (model.getAttribute("failed") instanceof UUID failed
                && items.stream().noneMatch(i -> i.id().equals(failed))) {
            moderation.find(tenant.organisation(), failed).ifPresent(i -> items.add(0, i));
        }
        model.addAttribute("items", items);
        model.addAttribute("consultation", consultation);
        model.addAttribute("reasons", Moderation.REASONS);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "participation/moderation";
    }

    @PostMapping("/{id}")
    String act(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        moderation.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Answer"));
        int version = number(form.get("version"));
        String action = String.valueOf(form.get("action"));
        Moderation.Result result = switch (action) {
            case "approve" -> moderation.approve(tenant, id, version);
            case "hide" -> moderation.hide(tenant, id, version, form.get("reason"), form.get("note"));
            case "edit" -> {
                Map<String, String> texts = new LinkedHashMap<>();
                form.forEach((key, value) -> {
                    if (key.startsWith("text-")) {
                        texts.put(key.substring(5), value);
                    }
                });
                yield moderation.edit(tenant, id, version, texts, form.get("reason"), form.get("note"));
            }
            default -> new Moderation.Result(List.of("participation.moderation.problem.action"), null);
        };
        if (result.ok()) {
            redirect.addFlashAttribute("notice", "participation.moderation.done." + action);
            return "redirect:/participation/moderation";
        }
        model.addAttribute("failed", id);
        model.addAttribute("problems", result.problems());
        model.addAttribute("conflict", result.conflict());
        model.addAttribute("typed", form);
        return queue(tenant, null, model);
    }

    private static int number(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
