package fi.hyte.participation.web;

import fi.hyte.participation.domain.PublicReading;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublishedPlan;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    static final String CACHE = "public, max-age=300";

    private final PublicReading reading;

    PublicSiteController(PublicReading reading) {
        this.reading = reading;
    }

    @GetMapping("/o/{slug}")
    String site(@PathVariable String slug) {
        PublicSite site = reading.online(slug).orElseThrow(PublicNotFound::new);
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
        Optional<PublicSite> site = open(slug, lang, web, request, response, model);
        if (site.isEmpty()) {
            return null;
        }
        model.addAttribute("plan", reading.plan(site.get()).orElse(null));
        model.addAttribute("evaluationYears", reading.evaluationYears(site.get()));
        model.addAttribute("indicatorCount", reading.indicatorCount(site.get()));
        model.addAttribute("report", reading.report(site.get()).orElse(null));
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
        PublishedPlan plan = reading.plan(site.get()).orElseThrow(PublicNotFound::new);
        model.addAttribute("plan", plan);
        Map<String, Object> evaluated = new LinkedHashMap<>();
        for (int year : reading.evaluationYears(site.get())) {
            reading.evaluations(site.get(), year)
                    .ifPresent(e -> e.items().forEach(item -> evaluated.putIfAbsent(item.ref(), item)));
        }
        model.addAttribute("evaluated", evaluated);
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
        model.addAttribute("plan", reading.plan(site.get()).orElseThrow(PublicNotFound::new));
        model.addAttribute("evaluations", reading.evaluations(site.get(), year).orElseThrow(PublicNotFound::new));
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
            throw new PublicNotFound();
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
        return open(slug, lang, web, request, response, model).isEmpty() ? null : "participation/public/accessibility";
    }

    /** Every other address under the public sites is not found, answered here without a session. */
    @GetMapping({"/o", "/o/", "/o/{slug}/{lang}/**"})
    String unknown() {
        throw new PublicNotFound();
    }

    @ExceptionHandler({PublicNotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setHeader("Cache-Control", "no-cache");
        model.addAttribute("lang", PublicLanguage.of(request));
        return "participation/public/not-found";
    }

    /**
     * The online site at this address in a language of the address, with the page frame's model;
     * empty when the visitor's copy is current (the answer is then 304, nothing is rendered).
     */
    private Optional<PublicSite> open(
            String slug,
            String lang,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!PublicLanguage.LANGUAGES.contains(lang)) {
            throw new PublicNotFound();
        }
        PublicSite site = reading.online(slug).orElseThrow(PublicNotFound::new);
        response.setHeader("Cache-Control", CACHE);
        if (web.checkNotModified(reading.etag(site))) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.substring(("/o/" + slug + "/" + lang).length());
        Map<String, String> languages = new LinkedHashMap<>();
        for (String other : new String[] {"fi", "sv", "en"}) {
            languages.put(other, "/o/" + site.slug() + "/" + other + rest);
        }
        model.addAttribute("site", site);
        model.addAttribute("name", reading.name(site));
        model.addAttribute("lang", lang);
        model.addAttribute("t", new Texts(lang));
        model.addAttribute("base", "/o/" + site.slug() + "/" + lang);
        model.addAttribute("languages", languages);
        model.addAttribute("page", rest.isEmpty() ? "front" : rest.substring(1).split("/")[0]);
        model.addAttribute("hasPlan", reading.plan(site).isPresent());
        model.addAttribute("hasIndicators", reading.indicatorCount(site) > 0);
        return Optional.of(site);
    }

    /** Not published, not online, not there: one answer for all. */
    static class PublicNotFound extends RuntimeException {
        PublicNotFound() {
            super("Not on the public site", null, false, false);
        }
    }
}
