package fi.hyte.impact.web;

import fi.hyte.impact.domain.Need;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.math.BigDecimal;
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
 * The template's rows, screening rules, exclusions and wording edited without code: each save is a new version, so an assessment
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
        List<TemplateContent.Rule> rules = rules(form, t, rows, errors);
        List<TemplateContent.Exclusion> exclusions = exclusions(form, t, errors);
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
        TemplateContent changed =
                t.withRows(rows).withRules(rules, exclusions).withWording(Map.of(), Map.of(), wording);
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

    /**
     * The screening rules kept, added and changed, in the form's order; problems as field errors. A
     * rule keeps its key and kind; a new one needs a free key, a kind, an outcome and its wording.
     */
    private static List<TemplateContent.Rule> rules(
            TemplateContentForm form, TemplateContent t, List<TemplateContent.Row> rows, BindingResult errors) {
        List<TemplateContent.Rule> kept = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < form.rules().size(); i++) {
            TemplateContentForm.RuleField r = form.rules().get(i);
            if (r == null || r.blank()) {
                continue;
            }
            String field = "rules[" + i + "].";
            String key = r.key() == null ? "" : r.key().strip();
            boolean existing = Boolean.TRUE.equals(r.existing())
                    || (r.existing() == null && t.rule(key).isPresent());
            TemplateContent.Rule old = existing ? t.rule(key).orElse(null) : null;
            if (existing && old == null) {
                errors.rejectValue(field + "key", "impact.validation.choice");
                continue;
            }
            if (r.removed()) {
                continue;
            }
            if (!existing) {
                if (key.isEmpty()) {
                    errors.rejectValue(field + "key", "impact.validation.ruleKey");
                } else if (!KEY.matcher(key).matches()) {
                    errors.rejectValue(field + "key", "impact.validation.rowKeyFormat");
                } else if (t.rule(key).isPresent() && !keys.contains(key)) {
                    errors.rejectValue(field + "key", "impact.validation.ruleKeyTaken", new Object[] {key}, null);
                }
            }
            if (!key.isEmpty() && !keys.add(key)) {
                errors.rejectValue(field + "key", "impact.validation.ruleKeyTaken", new Object[] {key}, null);
            }
            String kind = existing ? old.kind() : r.kind();
            if (kind == null || !TemplateContent.RULE_KINDS.contains(kind)) {
                errors.rejectValue(field + "kind", "impact.validation.choice");
                continue;
            }
            Need outcome = existing ? old.outcome() : null;
            if (r.outcome() != null) {
                try {
                    outcome = Need.valueOf(r.outcome());
                } catch (IllegalArgumentException e) {
                    outcome = null;
                }
            }
            if (outcome == null) {
                errors.rejectValue(field + "outcome", "impact.validation.choice");
            }
            boolean hearing = r.hearing() != null ? r.hearing() : existing && old.hearing();
            BigDecimal threshold = existing ? old.threshold() : null;
            if (kind.equals("share") || kind.equals("euros")) {
                if (r.threshold() != null) {
                    try {
                        threshold = Numbers.parse(r.threshold());
                        if (threshold != null
                                && (threshold.signum() < 0
                                        || (kind.equals("share")
                                                && threshold.compareTo(BigDecimal.valueOf(100)) > 0))) {
                            errors.rejectValue(
                                    field + "threshold",
                                    kind.equals("share")
                                            ? "impact.validation.share"
                                            : "impact.validation.negativeEuros");
                        }
                    } catch (NumberFormatException e) {
                        errors.rejectValue(
                                field + "threshold",
                                kind.equals("share") ? "impact.validation.share" : "impact.validation.euros");
                    }
                }
            } else {
                threshold = null;
            }
            String group = existing ? old.group() : null;
            if (kind.equals("group")) {
                if (r.group() != null) {
                    group = r.group().isBlank() ? null : r.group().strip();
                }
                String chosen = group;
                if (chosen != null
                        && rows.stream().noneMatch(x -> x.group() && x.key().equals(chosen))) {
                    errors.rejectValue(field + "group", "impact.validation.ruleGroup");
                }
            } else {
                group = null;
            }
            LocalizedText label = r.label();
            if (label.fi() == null) {
                errors.rejectValue(field + "fi", "impact.validation.wordingEmpty");
                continue;
            }
            if (tooLong(label, 500)) {
                errors.rejectValue(field + "fi", "validation.tooLong");
                continue;
            }
            if (outcome != null) {
                kept.add(new TemplateContent.Rule(key, outcome, hearing, label, kind, threshold, group));
            }
        }
        if (kept.size() > TemplateContent.MAX_RULES) {
            errors.reject(
                    "impact.validation.tooManyRules", new Object[] {String.valueOf(TemplateContent.MAX_RULES)}, null);
        }
        return kept;
    }

    /** The exclusions kept, added and renamed, in the form's order; problems as field errors. */
    private static List<TemplateContent.Exclusion> exclusions(
            TemplateContentForm form, TemplateContent t, BindingResult errors) {
        List<TemplateContent.Exclusion> kept = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < form.exclusions().size(); i++) {
            TemplateContentForm.ExclusionField x = form.exclusions().get(i);
            if (x == null || x.blank()) {
                continue;
            }
            String field = "exclusions[" + i + "].";
            String key = x.key() == null ? "" : x.key().strip();
            boolean known = t.exclusions().stream().anyMatch(e -> e.key().equals(key));
            boolean existing = Boolean.TRUE.equals(x.existing()) || (x.existing() == null && known);
            if (existing && !known) {
                errors.rejectValue(field + "key", "impact.validation.choice");
                continue;
            }
            if (x.removed()) {
                continue;
            }
            if (!existing) {
                if (key.isEmpty()) {
                    errors.rejectValue(field + "key", "impact.validation.ruleKey");
                } else if (!KEY.matcher(key).matches()) {
                    errors.rejectValue(field + "key", "impact.validation.rowKeyFormat");
                } else if (known && !keys.contains(key)) {
                    errors.rejectValue(field + "key", "impact.validation.ruleKeyTaken", new Object[] {key}, null);
                }
            }
            if (!key.isEmpty() && !keys.add(key)) {
                errors.rejectValue(field + "key", "impact.validation.ruleKeyTaken", new Object[] {key}, null);
            }
            LocalizedText label = x.label();
            if (label.fi() == null) {
                errors.rejectValue(field + "fi", "impact.validation.wordingEmpty");
                continue;
            }
            if (tooLong(label, 500)) {
                errors.rejectValue(field + "fi", "validation.tooLong");
                continue;
            }
            kept.add(new TemplateContent.Exclusion(key, label));
        }
        if (kept.size() > TemplateContent.MAX_RULES) {
            errors.reject(
                    "impact.validation.tooManyRules", new Object[] {String.valueOf(TemplateContent.MAX_RULES)}, null);
        }
        return kept;
    }

    private static boolean tooLong(LocalizedText text, int max) {
        return (text.fi() != null && text.fi().length() > max)
                || (text.sv() != null && text.sv().length() > max)
                || (text.en() != null && text.en().length() > max);
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
        model.addAttribute("shown", form.completed(latest.content()));
        model.addAttribute("kinds", TemplateContent.KINDS);
        model.addAttribute("ruleKinds", TemplateContent.RULE_KINDS);
        model.addAttribute("needs", Need.values());
        model.addAttribute(
                "groupRows",
                latest.content().rows().stream()
                        .filter(TemplateContent.Row::group)
                        .toList());
        model.addAttribute("maxRows", TemplateContent.MAX_ROWS);
        return "impact/template-content";
    }
}
