package fi.hyte.participation.web;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.JoysAndWorries;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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

/** Joys and worries for staff: collections, workshop results, themes linked to indicators. */
@Controller
@RequestMapping("/participation/joys")
class JoyController {

    private final JoysAndWorries joys;
    private final IndicatorCatalog indicators;
    private final ZoneId zone;

    JoyController(JoysAndWorries joys, IndicatorCatalog indicators, @Value("${hyte.time-zone}") String zone) {
        this.joys = joys;
        this.indicators = indicators;
        this.zone = ZoneId.of(zone);
    }

    /** A new collection: the end may be left empty for a standing collection. */
    record CollectionForm(
            String titleFi,
            String titleSv,
            String titleEn,
            String introFi,
            String introSv,
            String introEn,
            String opensAt,
            String closesAt)
            implements java.io.Serializable {}

    /** A workshop's result. */
    record WorkshopForm(String kind, String text, String source, String dimension, String ageGroup, String postalArea)
            implements java.io.Serializable {}

    @GetMapping
    String list(Tenant tenant, Model model) {
        tenant.require(Role.VIEWER);
        model.addAttribute("collections", joys.collections(tenant.organisation()));
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "participation/joys";
    }

    @PostMapping
    String create(Tenant tenant, CollectionForm form, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Instant opens = blank(form.opensAt()) ? Instant.now() : ConsultationForm.at(form.opensAt(), zone);
        Instant closes = blank(form.closesAt()) ? null : ConsultationForm.at(form.closesAt(), zone);
        List<String> problems = new ArrayList<>();
        if (opens == null || (!blank(form.closesAt()) && closes == null)) {
            problems.add("participation.consultation.problem.dateTime");
        } else {
            JoysAndWorries.Result result = joys.create(
                    tenant,
                    new LocalizedText(form.titleFi(), form.titleSv(), form.titleEn()),
                    new LocalizedText(form.introFi(), form.introSv(), form.introEn()),
                    opens,
                    closes,
                    false);
            if (result.problems().isEmpty()) {
                redirect.addFlashAttribute("notice", "saved");
                return "redirect:/participation/joys/" + result.id();
            }
            problems.addAll(result.problems());
        }
        redirect.addFlashAttribute("problems", problems);
        redirect.addFlashAttribute("typed", form);
        return "redirect:/participation/joys";
    }

    @GetMapping("/{id}")
    String show(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.VIEWER);
        JoysAndWorries.Collection c = own(tenant, id);
        model.addAttribute("collection", c);
        List<JoysAndWorries.Item> items = joys.items(tenant.organisation(), id, false);
        model.addAttribute("items", items);
        List<JoysAndWorries.Theme> themes = joys.themes(tenant.organisation(), id);
        model.addAttribute("themes", themes);
        Map<Integer, LocalizedText> names = new HashMap<>();
        themes.forEach(t -> t.indicatorIds()
                .forEach(i -> indicators.find(tenant.organisation(), i).ifPresent(info -> names.put(i, info.title()))));
        model.addAttribute("indicatorNames", names);
        model.addAttribute("dimensions", joys.dimensions(tenant.organisation()));
        model.addAttribute("ageGroups", Answering.AGE_GROUPS);
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        model.addAttribute("canAdd", tenant.can(Role.EDITOR));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "participation/joy";
    }

    @PostMapping("/{id}/publish")
    String publish(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) boolean published,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        try {
            joys.publish(tenant, id, published, version == null ? -1 : version);
            redirect.addFlashAttribute("notice", "saved");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problems", List.of("participation.loop.problem.conflict"));
        }
        return "redirect:/participation/joys/" + id;
    }

    @PostMapping("/{id}/items")
    String addItem(Tenant tenant, @PathVariable UUID id, WorkshopForm form, RedirectAttributes redirect) {
        tenant.require(Role.EDITOR);
        own(tenant, id);
        JoysAndWorries.Result result = joys.addWorkshopItem(
                tenant,
                id,
                form.kind(),
                form.text(),
                form.source(),
                form.dimension(),
                form.ageGroup(),
                form.postalArea());
        if (result.problems().isEmpty()) {
            redirect.addFlashAttribute("notice", "saved");
        } else {
            redirect.addFlashAttribute("problems", result.problems());
            redirect.addFlashAttribute("typed", form);
        }
        return "redirect:/participation/joys/" + id + "#workshop";
    }

    @PostMapping("/{id}/themes")
    String addTheme(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String titleFi,
            @RequestParam(required = false) String titleSv,
            @RequestParam(required = false) String titleEn,
            @RequestParam(required = false) String indicatorIds,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        List<Integer> ids = new ArrayList<>();
        boolean bad = false;
        for (String part : (indicatorIds == null ? "" : indicatorIds).split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Integer.valueOf(part.strip()));
            } catch (NumberFormatException e) {
                bad = true;
            }
        }
        List<String> problems = bad
                ? List.of("participation.joys.problem.indicator")
                : joys.addTheme(tenant, id, kind, new LocalizedText(titleFi, titleSv, titleEn), ids)
                        .problems();
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", "saved");
        } else {
            redirect.addFlashAttribute("problems", problems);
        }
        return "redirect:/participation/joys/" + id + "#themes";
    }

    @PostMapping("/{id}/group")
    String group(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) String theme,
            @RequestParam(name = "item", required = false) List<UUID> items,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        own(tenant, id);
        if (items == null || items.isEmpty()) {
            redirect.addFlashAttribute("problems", List.of("participation.loop.problem.noneChosen"));
        } else {
            UUID chosen = null;
            if (theme != null && !theme.isBlank() && !theme.equals("NONE")) {
                try {
                    chosen = UUID.fromString(theme);
                } catch (IllegalArgumentException e) {
                    throw new NotFoundException("Theme");
                }
            }
            joys.group(tenant, id, chosen, items);
            redirect.addFlashAttribute("notice", "saved");
        }
        return "redirect:/participation/joys/" + id + "#items";
    }

    private JoysAndWorries.Collection own(Tenant tenant, UUID id) {
        return joys.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Joy collection"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
