package fi.hyte.participation.web;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublicSites;
import fi.hyte.participation.domain.Publications;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.participation.domain.Publishing.SiteMissingException;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.PlanInfo;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's side of the public site: its settings and texts, and what is published there
 * (the plan, a year's evaluations, the key indicators). Everyone in the organisation sees the page;
 * coordinators change it.
 */
@Controller
@RequestMapping("/participation")
class PublicationController {

    private final PublicSites sites;
    private final Publications publications;
    private final Publishing publishing;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final OrganisationCatalog organisations;
    private final MessageSource messages;
    private final ZoneId zone;

    PublicationController(
            PublicSites sites,
            Publications publications,
            Publishing publishing,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            OrganisationCatalog organisations,
            MessageSource messages,
            @Value("${hyte.time-zone}") String zone) {
        this.sites = sites;
        this.publications = publications;
        this.publishing = publishing;
        this.plans = plans;
        this.indicators = indicators;
        this.organisations = organisations;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String overview(Tenant tenant, Locale locale, Model model) {
        Optional<PublicSite> site = sites.of(tenant.organisation());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", site.map(SiteForm::of).orElseGet(() -> firstForm(tenant, locale)));
        }
        model.addAttribute("site", site.orElse(null));
        model.addAttribute("bilingual", sites.bilingual(tenant.organisation()));
        model.addAttribute("canPublish", tenant.can(Role.COORDINATOR));
        UUID published = publications.planId(tenant.organisation()).orElse(null);
        model.addAttribute(
                "publishedPlan", publications.plan(tenant.organisation()).orElse(null));
        List<PlanRow> rows = new ArrayList<>();
        for (PlanInfo plan : plans.plans(tenant.organisation())) {
            List<Integer> publishedYears = publications.evaluationYears(tenant.organisation(), plan.id());
            Map<Integer, Boolean> years = new LinkedHashMap<>();
            for (int year = plan.firstYear(); year <= Math.min(plan.lastYear(), today().getYear()); year++) {
                if (!plans.evaluations(tenant.organisation(), plan.id(), year).isEmpty()
                        || publishedYears.contains(year)) {
                    years.put(year, publishedYears.contains(year));
                }
            }
            rows.add(new PlanRow(plan, plan.id().equals(published), years));
        }
        model.addAttribute("plans", rows);
        List<Integer> chosen = publications.indicators(tenant.organisation());
        Map<Integer, IndicatorInfo> known = new LinkedHashMap<>();
        indicators.findAll(tenant.organisation(), chosen).forEach(i -> known.put(i.id(), i));
        model.addAttribute(
                "keyIndicators",
                chosen.stream().map(known::get).filter(i -> i != null).toList());
        model.addAttribute("maxIndicators", Publications.MAX_INDICATORS);
        List<IndicatorInfo> candidates = new ArrayList<>();
        indicators.setOverview(tenant.organisation()).items().stream()
                .map(item -> item.series().indicator())
                .filter(i -> !chosen.contains(i.id()))
                .forEach(i -> {
                    if (candidates.stream().noneMatch(c -> c.id() == i.id())) {
                        candidates.add(i);
                    }
                });
        model.addAttribute("candidates", candidates);
        return "participation/index";
    }

    @PostMapping("/site")
    String save(
            Tenant tenant,
            @Valid @ModelAttribute("form") SiteForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (!form.checkedOnValid()) {
            errors.rejectValue("accessibilityCheckedOn", "participation.validation.date");
        }
        if (form.isOnline() && (form.summaryFi() == null || form.summaryFi().isBlank())) {
            errors.rejectValue("summaryFi", "participation.validation.summaryRequired");
        }
        if (form.isOnline()
                && (form.accessibilityFeedback() == null
                        || form.accessibilityFeedback().isBlank())) {
            errors.rejectValue("accessibilityFeedback", "participation.validation.feedbackRequired");
        }
        if (form.accessibilityStatus().isBlank()) {
            errors.rejectValue("accessibilityStatus", "participation.validation.status");
        }
        if (errors.hasErrors()) {
            return overview(tenant, locale, model);
        }
        try {
            publishing.save(tenant, form.toSite(tenant.organisation()));
        } catch (DuplicateKeyException e) {
            errors.rejectValue("slug", "participation.validation.slugTaken");
            return overview(tenant, locale, model);
        } catch (ConcurrentChangeException e) {
            model.addAttribute("conflictShown", true);
            return overview(tenant, locale, model);
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation";
    }

    /** Whether the organisation is bilingual: its consultations then need Finnish and Swedish texts. */
    @PostMapping("/languages")
    String languages(Tenant tenant, @RequestParam(required = false) String bilingual, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (sites.of(tenant.organisation()).isEmpty()) {
            redirect.addFlashAttribute("problem", "participation.problem.siteFirst");
            return "redirect:/participation";
        }
        publishing.setBilingual(tenant, "true".equals(bilingual));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/participation";
    }

    @PostMapping("/plans/{plan}/publish")
    String publishPlan(Tenant tenant, @PathVariable UUID plan, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        ownPlan(tenant, plan);
        publishing.publishPlan(tenant, plan, today());
        redirect.addFlashAttribute("notice", "participation.notice.planPublished");
        return "redirect:/participation";
    }

    @PostMapping("/plans/{plan}/withdraw")
    String withdrawPlan(Tenant tenant, @PathVariable UUID plan, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        ownPlan(tenant, plan);
        publishing.withdrawPlan(tenant, plan);
        redirect.addFlashAttribute("notice", "participation.notice.planWithdrawn");
        return "redirect:/participation";
    }

    @PostMapping("/plans/{plan}/evaluations/{year}/publish")
    String publishEvaluations(
            Tenant tenant, @PathVariable UUID plan, @PathVariable int year, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        PlanInfo info = ownPlan(tenant, plan);
        if (year < info.firstYear() || year > info.lastYear()) {
            throw new NotFoundException("Year");
        }
        boolean done = publishing.publishEvaluations(tenant, plan, year);
        redirect.addFlashAttribute(
                done ? "notice" : "problem",
                done ? "participation.notice.evaluationsPublished" : "participation.problem.noEvaluations");
        return "redirect:/participation";
    }

    @PostMapping("/plans/{plan}/evaluations/{year}/withdraw")
    String withdrawEvaluations(
            Tenant tenant, @PathVariable UUID plan, @PathVariable int year, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        ownPlan(tenant, plan);
        publishing.withdrawEvaluations(tenant, plan, year);
        redirect.addFlashAttribute("notice", "participation.notice.evaluationsWithdrawn");
        return "redirect:/participation";
    }

    @PostMapping("/indicators")
    String addIndicator(Tenant tenant, @RequestParam(required = false) String indicator, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Integer id = number(indicator);
        if (id == null || indicators.find(tenant.organisation(), id).isEmpty()) {
            redirect.addFlashAttribute("problem", "participation.problem.chooseIndicator");
            return "redirect:/participation";
        }
        boolean added = publishing.addIndicator(tenant, id);
        redirect.addFlashAttribute(
                added ? "notice" : "problem",
                added ? "participation.notice.indicatorAdded" : "participation.problem.tooManyIndicators");
        return "redirect:/participation";
    }

    @PostMapping("/indicators/{indicator}/remove")
    String removeIndicator(Tenant tenant, @PathVariable int indicator, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        publishing.removeIndicator(tenant, indicator);
        redirect.addFlashAttribute("notice", "participation.notice.indicatorRemoved");
        return "redirect:/participation";
    }

    /** A publication before the site's address is saved: the coordinator is told to save it first. */
    @ExceptionHandler(SiteMissingException.class)
    String siteMissing(RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "participation.problem.siteFirst");
        return "redirect:/participation";
    }

    private PlanInfo ownPlan(Tenant tenant, UUID plan) {
        return plans.plans(tenant.organisation()).stream()
                .filter(p -> p.id().equals(plan))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Plan"));
    }

    private LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }

    private SiteForm firstForm(Tenant tenant, Locale locale) {
        LocalizedText name = organisations
                .summary(tenant.organisation())
                .map(OrganisationCatalog.OrganisationSummary::name)
                .orElse(new LocalizedText("", null, null));
        return new SiteForm(
                slug(name.fi()),
                false,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                text("participation.default.privacy", "fi"),
                text("participation.default.privacy", "sv"),
                text("participation.default.privacy", "en"),
                "PARTIAL",
                text("participation.default.gaps", "fi"),
                text("participation.default.gaps", "sv"),
                text("participation.default.gaps", "en"),
                "",
                today().toString(),
                -1);
    }

    private String text(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    /** An address from the organisation's name: "Kerava (demo)" becomes "kerava-demo". */
    static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return plain.length() > 60 ? plain.substring(0, 60).replaceAll("-+$", "") : plain;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A plan of the organisation, whether it is the published one, and its years with evaluations. */
    record PlanRow(PlanInfo plan, boolean published, Map<Integer, Boolean> evaluationYears) {}
}
