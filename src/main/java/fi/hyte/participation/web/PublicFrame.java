package fi.hyte.participation.web;

import fi.hyte.participation.domain.PublicReading;
import fi.hyte.participation.domain.PublicSite;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every public page shares, for the public site's controllers: the online site of an address
 * in one of its languages, the page frame's model, the forms' Origin check, the caching rule and the
 * one "not found" answer for everything that is not published.
 */
@Component
class PublicFrame {

    /** Public reads may be cached for five minutes by anyone; the ETag tells when they changed. */
    static final String CACHE = "public, max-age=300";

    private final PublicReading reading;

    PublicFrame(PublicReading reading) {
        this.reading = reading;
    }

    /** The online site at this address, in a language of the public site; otherwise not found. */
    PublicSite onlineSite(String slug, String lang) {
        if (!PublicLanguage.LANGUAGES.contains(lang)) {
            throw new NotFound();
        }
        return reading.online(slug).orElseThrow(NotFound::new);
    }

    /**
     * The page frame's model: the site, its name, the language, the same page in the other languages,
     * the current page (from the address; a controller may set its own after) and the menu's parts.
     */
    void frame(PublicSite site, String slug, String lang, HttpServletRequest request, Model model) {
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
    }

    /**
     * A form posted from another site (its Origin is another site's, or "null"): with no session to
     * ride on, the harm would be a page elsewhere making its visitors' browsers answer, so it is
     * refused. A request without Origin (an old browser, a plain client) is let through: the signed
     * form token still binds it.
     */
    static boolean fromElsewhere(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        String own = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return !origin.equalsIgnoreCase(own);
    }

    /** The public "not found" page, in the address's language, never cached as a page. */
    static String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setHeader("Cache-Control", "no-cache");
        model.addAttribute("lang", PublicLanguage.of(request));
        return "participation/public/not-found";
    }

    /** Not published, not online, not there: one answer for all. */
    static class NotFound extends RuntimeException {
        NotFound() {
            super("Not on the public site", null, false, false);
        }
    }
}
