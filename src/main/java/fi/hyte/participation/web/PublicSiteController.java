package fi.hyte.participation.web;

import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.PublicReading;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublishedPlan;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The organisation's public site, without sign-in: {@code /o/{slug}/{fi|sv|en}/…}. Pages set no
 * cookie and need no JavaScript; each carries the site's ETag and may be cached for five minutes,
 * and a conditional request for an unchanged page is answered 304 without rendering it. A site not
 * online, anything unpublished and every unknown address answer the same 404.
 */
@Controller
class PublicSiteController {

    private final PublicReading reading;
    private final PublicFrame frame;
    private final Consultations consultations;
    private final Answering answering;
    private final FormTokens tokens;
    private final fi.hyte.participation.domain.CouncilStatements statements;
    private final fi.hyte.participation.domain.YouSaidWeDid loop;
    private final fi.hyte.participation.domain.JoysAndWorries joys;
    private final fi.hyte.platform.web.KeptPages pages;
    private final fi.hyte.participation.domain.AccessibilityCheck check;
    private final java.time.ZoneId zone;

    PublicSiteController(
            PublicReading reading,
            PublicFrame frame,
            Consultations consultations,
            Answering answering,
            FormTokens tokens,
            fi.hyte.participation.domain.CouncilStatements statements,
            fi.hyte.participation.domain.YouSaidWeDid loop,
            fi.hyte.participation.domain.JoysAndWorries joys,
            fi.hyte.platform.web.KeptPages pages,
            fi.hyte.participation.domain.AccessibilityCheck check,
            @org.springframework.beans.factory.annotation.Value("${hyte.time-zone}") String zone) {
        this.check = check;
        this.zone = java.time.ZoneId.of(zone);
        this.reading = reading;
        this.frame = frame;
        this.consultations = consultations;
        this.answering = answering;
        this.tokens = tokens;
        this.statements = statements;
        this.loop = loop;
        this.joys = joys;
        this.pages = pages;
    }

    @GetMapping("/o/{slug}")
    String site(@PathVariable String slug) {
        PublicSite site = reading.online(slug).orElseThrow(PublicFrame.NotFound::new);
        return "redirect:/o/" + site.slug() + "/fi";
    }

    @GetMapping("/o/{slug}/{lang}")
    String front(
            @PathVariable String slug,
            @PathVariable String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        // Not kept rendered: which consultations and collections it lists changes with the clock.
        Optional<PublicSite> site = open(slug, lang, web, request, response, model, false);
        if (site.isEmpty()) {
            return null;
        }
        model.addAttribute("plan", reading.plan(site.get()).orElse(null));
        model.addAttribute("evaluationYears", reading.evaluationYears(site.get()));
        model.addAttribute("indicatorCount", reading.indicatorCount(site.get()));
        model.addAttribute("report", reading.report(site.get()).orElse(null));
        Instant now = Instant.now();
        model.addAttribute(
                "consultations",
                consultations.published(site.get().organisation()).stream()
                        .filter(c -> !now.isBefore(c.opensAt()))
                        .limit(5)
                        .toList());
        model.addAttribute("now", now);
        model.addAttribute("joyCollections", joys.openNow(site.get().organisation(), now));
        return "participation/public/front";
    }

    @GetMapping("/o/{slug}/{lang}/plan")
    String plan(
            @PathVariable String slug,
            @PathVariable String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PublicSite> site = open(slug, lang, web, request, response, model);
        if (site.isEmpty()) {
            return null;
        }
        PublishedPlan plan = reading.plan(site.get()).orElseThrow(PublicFrame.NotFound::new);
        model.addAttribute("plan", plan);
        Map<String, Object> evaluated = new LinkedHashMap<>();
        for (int year : reading.evaluationYears(site.get())) {
            reading.evaluations(site.get(), year)
                    .ifPresent(e -> e.items().forEach(item -> evaluated.putIfAbsent(item.ref(), item)));
        }
        model.addAttribute("evaluated", evaluated);
        model.addAttribute("shaped", loop.shapedBy(site.get().organisation()));
        model.addAttribute("evaluationYears", reading.evaluationYears(site.get()));
        return "participation/public/plan";
    }

    @GetMapping("/o/{slug}/{lang}/evaluations/{year}")
    String evaluations(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable int year,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PublicSite> site = open(slug, lang, web, request, response, model);
        if (site.isEmpty()) {
            return null;
        }
        model.addAttribute("plan", reading.plan(site.get()).orElseThrow(PublicFrame.NotFound::new));
        model.addAttribute("evaluations", reading.evaluations(site.get(), year).orElseThrow(PublicFrame.NotFound::new));
        return "participation/public/evaluations";
    }

    @GetMapping("/o/{slug}/{lang}/indicators")
    String indicators(
            @PathVariable String slug,
            @PathVariable String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PublicSite> site = open(slug, lang, web, request, response, model);
        if (site.isEmpty()) {
            return null;
        }
        var figures = reading.figures(site.get(), Locale.forLanguageTag(lang));
        if (figures.isEmpty()) {
            throw new PublicFrame.NotFound();
        }
        model.addAttribute("figures", figures);
        return "participation/public/indicators";
    }

    @GetMapping("/o/{slug}/{lang}/contact")
    String contact(
            @PathVariable String slug,
            @PathVariable String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return open(slug, lang, web, request, response, model).isEmpty() ? null : "participation/public/contact";
    }

    @GetMapping("/o/{slug}/{lang}/privacy")
    String privacy(
            @PathVariable String slug,
            @PathVariable String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return open(slug, lang, web, request, response, model).isEmpty() ? null : "participation/public/privacy";
    }

    @GetMapping("/o/{slug}/{lang}/accessibility")
    String accessibility(
            @PathVariable String slug,
            @PathVariable String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (open(slug, lang, web, request, response, model).isEmpty()) {
            return null;
        }
        // Prefilled from Hyte's own recorded axe-core check (the coordinator writes the gaps and status).
        model.addAttribute("check", check.latest().orElse(null));
        return "participation/public/accessibility";
    }

    /**
     * A published consultation: its intro and period, the sections and questions with the answer
     * form while it is open, and the published comments. Its ETag also follows the published
     * answers and the hour of the form's token.
     */
    @GetMapping("/o/{slug}/{lang}/consultations/{id}")
    String consultation(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable UUID id,
            @RequestParam(required = false) String sent,
            @RequestParam(required = false) String withdraw,
            @RequestParam(required = false) String flagged,
            @RequestParam(required = false) String page,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = frame.onlineSite(slug, lang);
        Consultation c = publishedConsultation(site, id);
        int commentPage = commentPage(page);
        Instant now = Instant.now();
        response.setHeader("Cache-Control", PublicFrame.CACHE);
        String published = reading.etag(site).replace("\"", "") + "-" + c.version();
        // Whether it is open yet, or over, changes the page with the clock: part of the tag.
        String rest = statements.version(site.organisation(), c.id()) + "-" + FormTokens.hour(now) + "-"
                + (c.isOpen(now) ? "o" : c.isOver(now) ? "c" : "p");
        String etag = published + "-" + answering.publicVersion(c) + "-" + rest;
        // The private withdrawal link is shown once, right after sending: never cached, never referred.
        boolean privateLink = withdraw != null && withdraw.matches("[A-Za-z0-9_-]{43}");
        if (privateLink) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "same-origin");
            model.addAttribute("withdrawLink", "/o/" + site.slug() + "/" + lang + "/withdraw/" + withdraw);
        } else if (sent != null || flagged != null
                ? web.checkNotModified("\"" + etag + "\"")
                // Kept, but asked again on each request: its answers and the clock change it too.
                : pages.answer(request, response, site.organisation(), etag, false)) {
            return null;
        }
        model.addAttribute("flagged", "1".equals(flagged));
        frame.frame(site, slug, lang, request, model);
        return consultationPage(site, c, now, Map.of(), List.of(), sent, commentPage, model);
    }

    /** Published comments are shown 50 to a page, each page its own address ({@code ?page=2}). */
    static final int COMMENTS_PER_PAGE = 50;

    private static int commentPage(String page) {
        if (page == null) {
            return 1;
        }
        if (!page.matches("[1-9][0-9]{0,5}")) {
            throw new PublicFrame.NotFound();
        }
        return Integer.parseInt(page);
    }

    @PostMapping("/o/{slug}/{lang}/consultations/{id}")
    String answer(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = frame.onlineSite(slug, lang);
        Consultation c = publishedConsultation(site, id);
        Instant now = Instant.now();
        Map<UUID, String> sections = new LinkedHashMap<>();
        Map<UUID, String> answers = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("section-")) {
                uuid(key.substring(8)).ifPresent(k -> sections.put(k, value));
            } else if (key.startsWith("question-")) {
                uuid(key.substring(9)).ifPresent(k -> answers.put(k, value));
            }
        });
        Answering.Outcome outcome = PublicFrame.fromElsewhere(request)
                ? new Answering.Outcome("REFUSED", List.of("participation.answer.problem.token"))
                : answering.submit(
                        c,
                        new Answering.Submission(
                                form.get("token"),
                                form.get("website"),
                                form.get("nickname"),
                                form.get("ageGroup"),
                                form.get("postalArea"),
                                form.get("email"),
                                sections,
                                answers,
                                form.get("workshop"),
                                lang),
                        request.getRemoteAddr(),
                        now);
        if (!outcome.refused()) {
            return "redirect:/o/" + site.slug() + "/" + lang + "/consultations/" + c.id() + "?sent="
                    + outcome.status().toLowerCase(Locale.ROOT)
                    + (outcome.withdrawToken() == null ? "" : "&withdraw=" + outcome.withdrawToken()) + "#sent";
        }
        response.setStatus(outcome.problems().contains("participation.answer.problem.closed") ? 409 : 422);
        response.setHeader("Cache-Control", "no-store");
        frame.frame(site, slug, lang, request, model);
        return consultationPage(site, c, now, form, outcome.problems(), null, 1, model);
    }

    private String consultationPage(
            PublicSite site,
            Consultation c,
            Instant now,
            Map<String, String> typed,
            List<String> problems,
            String sent,
            int commentPage,
            Model model) {
        model.addAttribute("page", "consultations");
        model.addAttribute("consultation", c);
        model.addAttribute("sections", consultations.sections(site.organisation(), c.id()));
        model.addAttribute("questions", consultations.questions(site.organisation(), c.id()));
        List<Answering.PublicComment> all = answering.publishedComments(c);
        int pages = Math.max(1, (all.size() + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
        if (commentPage > pages) {
            throw new PublicFrame.NotFound();
        }
        int from = (commentPage - 1) * COMMENTS_PER_PAGE;
        int to = Math.min(all.size(), from + COMMENTS_PER_PAGE);
        Map<UUID, List<Answering.PublicComment>> comments = new LinkedHashMap<>();
        all.subList(from, to)
                .forEach(comment -> comments.computeIfAbsent(comment.section(), k -> new java.util.ArrayList<>())
                        .add(comment));
        model.addAttribute("comments", comments);
        model.addAttribute("commentPages", new CommentPages(commentPage, pages, from + 1, to, all.size()));
        model.addAttribute("statements", statements.published(site.organisation(), c.id()));
        // A consultation run outside Hyte is only shown here, with the link to where it ran.
        Optional<Consultation.Outside> outside = consultations.outside(site.organisation(), c.id());
        model.addAttribute("outside", outside.orElse(null));
        // Recorded by whole days (Helsinki): the first day and the last.
        model.addAttribute("outsideFrom", java.time.LocalDate.ofInstant(c.opensAt(), zone));
        model.addAttribute(
                "outsideTo", java.time.LocalDate.ofInstant(c.closesAt().minusSeconds(1), zone));
        model.addAttribute("open", outside.isEmpty() && c.isOpen(now));
        model.addAttribute("over", c.isOver(now));
        model.addAttribute("token", tokens.issue(c.id(), now));
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("ageGroups", Answering.AGE_GROUPS);
        model.addAttribute("sent", "published".equals(sent) || "held".equals(sent) ? sent : null);
        return "participation/public/consultation";
    }

    private Consultation publishedConsultation(PublicSite site, UUID id) {
        return consultations
                .find(site.organisation(), id)
                .filter(Consultation::published)
                .orElseThrow(PublicFrame.NotFound::new);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every other address under the public sites is not found, answered here without a session. */
    @GetMapping({"/o", "/o/", "/o/{slug}/{lang}/**"})
    String unknown() {
        throw new PublicFrame.NotFound();
    }

    @ExceptionHandler({PublicFrame.NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return PublicFrame.notFound(request, response, model);
    }

    /**
     * The online site at this address in a language of the address, with the page frame's model;
     * empty when the visitor's copy is current (the answer is then 304, nothing is rendered) or the
     * page is kept under this ETag (it is written, see {@link fi.hyte.platform.web.KeptPages}).
     */
    private Optional<PublicSite> open(
            String slug,
            String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return open(slug, lang, web, request, response, model, true);
    }

    private Optional<PublicSite> open(
            String slug,
            String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            boolean kept) {
        PublicSite site = frame.onlineSite(slug, lang);
        response.setHeader("Cache-Control", PublicFrame.CACHE);
        String etag = reading.etag(site);
        if (kept ? pages.answer(request, response, site.organisation(), etag, true) : web.checkNotModified(etag)) {
            return Optional.empty();
        }
        frame.frame(site, slug, lang, request, model);
        return Optional.of(site);
    }

    /** Which published comments a consultation page shows: page {@code number} of {@code pages}. */
    record CommentPages(int number, int pages, int first, int last, int total) {
        public boolean previous() {
            return number > 1;
        }

        public boolean next() {
            return number < pages;
        }
    }
}
