package fi.hyte.participation.web;

import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.MeasureFeedback;
import fi.hyte.participation.domain.Moderation;
import fi.hyte.participation.domain.PublicReading;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublishedPlan;
import fi.hyte.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The residents' other public forms, without sign-in or cookie: flagging a published comment,
 * withdrawing one's own comment through its private link, and feedback on a measure of the
 * published plan. Each has the consultation form's protections (signed token, honeypot, a form
 * from another site refused, throttling in PostgreSQL) and the privacy notice.
 */
@Controller
class ResidentFormsController {

    private final PublicReading reading;
    private final PublicFrame pages;
    private final Consultations consultations;
    private final Moderation moderation;
    private final MeasureFeedback feedback;

    ResidentFormsController(
            PublicReading reading,
            PublicFrame pages,
            Consultations consultations,
            Moderation moderation,
            MeasureFeedback feedback) {
        this.reading = reading;
        this.pages = pages;
        this.consultations = consultations;
        this.moderation = moderation;
        this.feedback = feedback;
    }

    @PostMapping("/o/{slug}/{lang}/consultations/{id}/flag")
    String flag(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        Consultation c = consultations
                .find(site.organisation(), id)
                .filter(Consultation::published)
                .orElseThrow(PublicFrame.NotFound::new);
        UUID answer = uuid(form.get("response")).orElseThrow(PublicFrame.NotFound::new);
        Moderation.FlagOutcome outcome;
        try {
            outcome = PublicFrame.fromElsewhere(request)
                    ? new Moderation.FlagOutcome(true, "participation.answer.problem.token")
                    : moderation.flag(
                            c, answer, form.get("token"), form.get("website"), request.getRemoteAddr(), Instant.now());
        } catch (NotFoundException e) {
            throw new PublicFrame.NotFound();
        }
        String page = "/o/" + site.slug() + "/" + lang + "/consultations/" + c.id();
        if (!outcome.refused()) {
            return "redirect:" + page + "?flagged=1#flagged";
        }
        response.setStatus(422);
        response.setHeader("Cache-Control", "no-store");
        pages.frame(site, slug, lang, request, model);
        model.addAttribute("problem", outcome.problem());
        model.addAttribute("back", page);
        return "participation/public/refused";
    }

    @GetMapping("/o/{slug}/{lang}/withdraw/{token}")
    String withdrawForm(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable String token,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        privatePage(response);
        pages.frame(site, slug, lang, request, model);
        if ("1".equals(done)) {
            model.addAttribute("done", true);
            return "participation/public/withdraw";
        }
        Moderation.Withdrawable w =
                moderation.byWithdrawToken(site.organisation(), token).orElseThrow(PublicFrame.NotFound::new);
        model.addAttribute("answer", w);
        model.addAttribute(
                "consultation",
                consultations.find(site.organisation(), w.consultation()).orElseThrow());
        model.addAttribute("token", token);
        return "participation/public/withdraw";
    }

    @PostMapping("/o/{slug}/{lang}/withdraw/{token}")
    String withdraw(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable String token,
            HttpServletRequest request,
            HttpServletResponse response) {
        PublicSite site = pages.onlineSite(slug, lang);
        privatePage(response);
        if (PublicFrame.fromElsewhere(request) || !moderation.withdraw(site.organisation(), token)) {
            throw new PublicFrame.NotFound();
        }
        return "redirect:/o/" + site.slug() + "/" + lang + "/withdraw/done?done=1";
    }

    /** A measure of the published plan: its published feedback with answers, and the feedback form. */
    @GetMapping("/o/{slug}/{lang}/plan/feedback/{ref}")
    String feedbackForm(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable String ref,
            @RequestParam(required = false) String sent,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        PublishedPlan plan = reading.plan(site).orElseThrow(PublicFrame.NotFound::new);
        PublishedPlan.Measure measure = measure(plan, ref);
        Instant now = Instant.now();
        response.setHeader("Cache-Control", PublicFrame.CACHE);
        String etag = "\"" + reading.etag(site).replace("\"", "") + "-"
                + feedback.version(site.organisation(), plan.planId(), ref) + "-" + FormTokens.hour(now) + "\"";
        if (web.checkNotModified(etag)) {
            return null;
        }
        pages.frame(site, slug, lang, request, model);
        return feedbackPage(site, plan, measure, Map.of(), List.of(), sent, now, model);
    }

    @PostMapping("/o/{slug}/{lang}/plan/feedback/{ref}")
    String giveFeedback(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable String ref,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        PublishedPlan plan = reading.plan(site).orElseThrow(PublicFrame.NotFound::new);
        PublishedPlan.Measure measure = measure(plan, ref);
        Instant now = Instant.now();
        Answering.Outcome outcome = PublicFrame.fromElsewhere(request)
                ? new Answering.Outcome("REFUSED", List.of("participation.answer.problem.token"))
                : feedback.submit(
                        site.organisation(),
                        plan,
                        measure,
                        new MeasureFeedback.Submission(
                                form.get("token"),
                                form.get("website"),
                                form.get("text"),
                                form.get("nickname"),
                                "true".equals(form.get("mayPublish"))),
                        request.getRemoteAddr(),
                        now);
        if (!outcome.refused()) {
            return "redirect:/o/" + site.slug() + "/" + lang + "/plan/feedback/" + ref + "?sent="
                    + outcome.status().toLowerCase(Locale.ROOT) + "#sent";
        }
        response.setStatus(422);
        response.setHeader("Cache-Control", "no-store");
        pages.frame(site, slug, lang, request, model);
        return feedbackPage(site, plan, measure, form, outcome.problems(), null, now, model);
    }

    private String feedbackPage(
            PublicSite site,
            PublishedPlan plan,
            PublishedPlan.Measure measure,
            Map<String, String> typed,
            List<String> problems,
            String sent,
            Instant now,
            Model model) {
        model.addAttribute("page", "plan");
        model.addAttribute("measure", measure);
        model.addAttribute("items", feedback.published(site.organisation(), plan.planId(), measure.ref()));
        model.addAttribute("token", feedback.issueToken(site.organisation(), measure.ref(), now));
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("sent", "published".equals(sent) || "held".equals(sent) ? sent : null);
        return "participation/public/feedback";
    }

    private static PublishedPlan.Measure measure(PublishedPlan plan, String ref) {
        return plan.lines().stream()
                .flatMap(l -> l.goals().stream())
                .flatMap(g -> g.measures().stream())
                .filter(m -> m.ref() != null && m.ref().equals(ref))
                .findFirst()
                .orElseThrow(PublicFrame.NotFound::new);
    }

    private static void privatePage(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @ExceptionHandler({PublicFrame.NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return PublicFrame.notFound(request, response, model);
    }
}
