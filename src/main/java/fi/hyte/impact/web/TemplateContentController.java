package fi.hyte.impact.web;

import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The template's rows and wording edited without code: each save is a new version, so an assessment
 * keeps the version it began with and is offered the new one with its differences.
 */
@Controller
@RequestMapping("/impact/templates/content")
class TemplateContentController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private final Templates templates;

    TemplateContentController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    String form(Tenant tenant, Model model) {
        tenant.require(Role.COORDINATOR);
        Templates.TemplateVersion latest = templates.latest(tenant.organisation());
        return page(model, latest, TemplateContentForm.of(latest.version(), latest.content()));
    }

    @PostMapping
    String save(
            Tenant tenant,
            @ModelAttribute("form") TemplateContentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Templates.TemplateVersion latest = templates.latest(tenant.organisation());
        TemplateContent t = latest.content();
        List<TemplateContent.Row> rows = rows(form, t, errors);
        Map<String, LocalizedText> rules =
                texts(form.rules(), "rules", errors, k -> t.rule(k).isPresent(), true);
        Map<String, LocalizedText> exclusions = texts(
                form.exclusions(),
                "exclusions",
                errors,
                k -> t.exclusions().stream().anyMatch(x -> x.key().equals(k)),
                true);
        Map<String, LocalizedText> wording = new LinkedHashMap<>(t.wording());
        texts(form.wording(), "wording", errors, TemplateContent.WORDING::contains, false)
                .forEach(wording::put);
        for (TemplateContentForm.TextField w : form.wording()) {
            if (w.key() != null
                    && TemplateContent.WORDING.contains(w.key())
                    && w.text().fi() == null
                    && w.text().sv() == null
                    && w.text().en() == null) {
                wording.remove(w.key());
            }
        }
        if (form.note() != null && form.note().length() > 500) {
            errors.rejectValue("note", "validation.tooLong");
        }
        if (errors.hasErrors()) {
            return page(model, latest, form);
        }
        TemplateContent changed = t.withRows(rows).withWording(rules, exclusions, wording);
        try {
            templates.saveNew(
                    tenant,
                    form.basedOn(),
                    changed,
                    form.note() == null || form.note().isBlank()
                            ? null
                            : form.note().strip());
        } catch (ConcurrentChangeException e) {
            errors.reject("conflict.saveRefused");
            return page(model, latest, form);
        }
        redirect.addFlashAttribute("notice", "impact.template.saved");
        return "redirect:/impact/templates";
    }

    /** The rows kept, in the order of their positions; problems as field errors. */
    private static List<TemplateContent.Row> rows(TemplateContentForm form, TemplateContent t, BindingResult errors) {
        record Placed(int position, int index, TemplateContent.Row row) {}
        List<Placed> kept = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < form.rows().size(); i++) {
            TemplateContentForm.RowField r = form.rows().get(i);
            if (r == null || r.blank() || r.removed()) {
                continue;
            }
            String field = "rows[" + i + "].";
            String key = r.key() == null ? "" : r.key().strip();
            boolean existing = Boolean.TRUE.equals(r.existing());
            if (existing && t.row(key).isEmpty()) {
                errors.rejectValue(field + "key", "impact.validation.choice");
                continue;
            }
            if (!existing) {
                if (key.isEmpty()) {
                    errors.rejectValue(field + "key", "impact.validation.rowKey");
                } else if (!KEY.matcher(key).matches()) {
                    errors.rejectValue(field + "key", "impact.validation.rowKeyFormat");
                }
            }
            if (!key.isEmpty() && !keys.add(key)) {
                errors.rejectValue(field + "key", "impact.validation.rowKeyTaken", new Object[] {key}, null);
            }
            if (r.kind() == null || !TemplateContent.KINDS.contains(r.kind())) {
                errors.rejectValue(field + "kind", "impact.validation.choice");
            }
            LocalizedText label = r.label();
            if (label.fi() == null) {
                errors.rejectValue(field + "fi", "impact.validation.rowName");
            } else if (label.fi().length() > 300
                    || (label.sv() != null && label.sv().length() > 300)
                    || (label.en() != null && label.en().length() > 300)) {
                errors.rejectValue(field + "fi", "validation.tooLong");
                continue;
            }
            int position = i + 1;
            try {
                position = Integer.parseInt(
                        r.position() == null ? "" : r.position().strip());
                if (position < 1 || position > 999) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.rejectValue(field + "position", "impact.validation.rowPosition");
            }
            if (label.fi() != null && r.kind() != null && TemplateContent.KINDS.contains(r.kind())) {
                kept.add(new Placed(
                        position,
                        i,
                        new TemplateContent.Row(key, r.kind(), r.kind().equals("groups"), label)));
            }
        }
        if (kept.size() > TemplateContent.MAX_ROWS) {
            errors.reject(
                    "impact.validation.tooManyRows", new Object[] {String.valueOf(TemplateContent.MAX_ROWS)}, null);
        } else if (kept.isEmpty() && !errors.hasErrors()) {
            errors.reject("impact.validation.noRows");
        }
        // A row given another position than its own is moved there; the others keep their order.
        List<TemplateContent.Row> ordered = new ArrayList<>(kept.stream()
                .filter(p -> p.position() == p.index() + 1)
                .map(Placed::row)
                .toList());
        kept.stream()
                .filter(p -> p.position() != p.index() + 1)
                .sorted(Comparator.comparingInt(Placed::position).thenComparingInt(Placed::index))
                .forEach(p -> ordered.add(Math.min(p.position() - 1, ordered.size()), p.row()));
        return ordered;
    }

    private static Map<String, LocalizedText> texts(
            List<TemplateContentForm.TextField> fields,
            String name,
            BindingResult errors,
            java.util.function.Predicate<String> known,
            boolean required) {
        Map<String, LocalizedText> found = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            TemplateContentForm.TextField f = fields.get(i);
            if (f == null || f.key() == null || !known.test(f.key())) {
                errors.reject("impact.validation.choice");
                continue;
            }
            LocalizedText text = f.text();
            if (text.fi() == null) {
                if (required) {
                    errors.rejectValue(name + "[" + i + "].fi", "impact.validation.wordingEmpty");
                }
                continue;
            }
            if ((text.fi().length() > 500)
                    || (text.sv() != null && text.sv().length() > 500)
                    || (text.en() != null && text.en().length() > 500)) {
                errors.rejectValue(name + "[" + i + "].fi", "validation.tooLong");
                continue;
            }
            found.put(f.key(), text);
        }
        return found;
    }

    private static String page(Model model, Templates.TemplateVersion latest, TemplateContentForm form) {
        model.addAttribute("latest", latest);
        model.addAttribute("form", form);
        model.addAttribute("kinds", TemplateContent.KINDS);
        model.addAttribute("maxRows", TemplateContent.MAX_ROWS);
        return "impact/template-content";
    }
}
