package fi.hyte.participation.web;

import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.JoysAndWorries;
import fi.hyte.participation.domain.PublicReading;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.YouSaidWeDid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The public "Kuulimme – teimme" ("you said, we did") page of a consultation and the public
 * joys-and-worries collection with its form. Like the rest of the public site: no cookie, no
 * JavaScript needed, the site's ETag and five minutes' caching on reads, one 404 for all that is
 * not published.
 */
@Controller
class PublicLoopController {

    private final PublicReading reading;
    private final PublicFrame pages;
    private final Consultations consultations;
    private final YouSaidWeDid loop;
    private final JoysAndWorries joys;
    private final FormTokens tokens;

    PublicLoopController(
            PublicReading reading,
            PublicFrame pages,
            Consultations consultations,
            YouSaidWeDid loop,
            JoysAndWorries joys,
            FormTokens tokens) {
        this.reading = reading;
        this.pages = pages;
        this.consultations = consultations;
        this.loop = loop;
        this.joys = joys;
        this.tokens = tokens;
    }

    /** A theme or a directly answered comment with its answer, as the public page shows it. */
    record Answered(
            String kind,
            fi.hyte.platform.LocalizedText title,
            String text,
            String nickname,
            int comments,
            YouSaidWeDid.Answer answer,
            fi.hyte.platform.LocalizedText statement) {}

    @GetMapping("/o/{slug}/{lang}/consultations/{id}/we-did")
    String weDid(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable UUID id,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        Consultation c = consultations
                .find(site.organisation(), id)
                .filter(Consultation::published)
                .orElseThrow(PublicFrame.NotFound::new);
        response.setHeader("Cache-Control", PublicFrame.CACHE);
        if (web.checkNotModified("\"" + reading.etag(site).replace("\"", "") + "-w" + c.version() + "\"")) {
            return null;
        }
        pages.frame(site, slug, lang, request, model);
        Map<UUID, YouSaidWeDid.Answer> answers = loop.answers(site.organisation(), id);
        List<Answered> answered = new ArrayList<>();
        for (YouSaidWeDid.Theme t : loop.themes(site.organisation(), id)) {
            if (answers.containsKey(t.id())) {
                answered.add(new Answered("THEME", t.title(), null, null, t.comments(), answers.get(t.id()), null));
            }
        }
        for (YouSaidWeDid.Comment cm : loop.comments(site.organisation(), id)) {
            if (answers.containsKey(cm.id())) {
                answered.add(new Answered("COMMENT", null, cm.text(), cm.nickname(), 1, answers.get(cm.id()), null));
            }
        }
        for (var st : loop.statements(site.organisation(), id)) {
            if (answers.containsKey(st.id())) {
                answered.add(new Answered("STATEMENT", st.bodyName(), null, null, 1, answers.get(st.id()), st.text()));
            }
        }
        model.addAttribute("page", "consultations");
        model.addAttribute("consultation", c);
        model.addAttribute("answered", answered);
        model.addAttribute("progress", loop.progress(site.organisation(), id));
        return "participation/public/we-did";
    }

    @GetMapping("/o/{slug}/{lang}/joys/{id}")
    String joysPage(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable UUID id,
            @RequestParam(required = false) String sent,
            WebRequest web,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        JoysAndWorries.Collection c = publishedCollection(site, id);
        Instant now = Instant.now();
        response.setHeader("Cache-Control", PublicFrame.CACHE);
        String etag = reading.etag(site).replace("\"", "") + "-j" + c.version() + "-"
                + joys.items(site.organisation(), id, true).size() + "-" + FormTokens.hour(now);
        if (web.checkNotModified("\"" + etag + "\"")) {
            return null;
        }
        pages.frame(site, slug, lang, request, model);
        return joysView(site, c, now, Map.of(), List.of(), sent, model);
    }

    @PostMapping("/o/{slug}/{lang}/joys/{id}")
    String joyAnswer(
            @PathVariable String slug,
            @PathVariable String lang,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSite site = pages.onlineSite(slug, lang);
        JoysAndWorries.Collection c = publishedCollection(site, id);
        Instant now = Instant.now();
        Answering.Outcome outcome = PublicFrame.fromElsewhere(request)
                ? new Answering.Outcome("REFUSED", List.of("participation.answer.problem.token"))
                : joys.submit(
                        c,
                        new JoysAndWorries.Submission(
                                form.get("token"),
                                form.get("website"),
                                form.get("kind"),
                                form.get("text"),
                                form.get("dimension"),
                                form.get("ageGroup"),
                                form.get("postalArea")),
                        request.getRemoteAddr(),
                        now);
        if (!outcome.refused()) {
            return "redirect:/o/" + site.slug() + "/" + lang + "/joys/" + c.id() + "?sent="
                    + outcome.status().toLowerCase(Locale.ROOT) + "#sent";
        }
        response.setStatus(outcome.problems().contains("participation.answer.problem.closed") ? 409 : 422);
        response.setHeader("Cache-Control", "no-store");
        pages.frame(site, slug, lang, request, model);
        return joysView(site, c, now, form, outcome.problems(), null, model);
    }

    private String joysView(
            PublicSite site,
            JoysAndWorries.Collection c,
            Instant now,
            Map<String, String> typed,
            List<String> problems,
            String sent,
            Model model) {
        List<JoysAndWorries.Item> items = joys.items(site.organisation(), c.id(), true);
        model.addAttribute("page", "joys");
        model.addAttribute("collection", c);
        model.addAttribute(
                "joys", items.stream().filter(i -> i.kind().equals("JOY")).toList());
        model.addAttribute(
                "worries", items.stream().filter(i -> i.kind().equals("WORRY")).toList());
        model.addAttribute("themes", joys.themes(site.organisation(), c.id()));
        model.addAttribute("dimensions", joys.dimensions(site.organisation()));
        model.addAttribute("open", c.isOpen(now));
        model.addAttribute("token", tokens.issue(c.id(), now));
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("ageGroups", Answering.AGE_GROUPS);
        model.addAttribute("sent", "published".equals(sent) || "held".equals(sent) ? sent : null);
        return "participation/public/joys";
    }

    private JoysAndWorries.Collection publishedCollection(PublicSite site, UUID id) {
        return joys.find(site.organisation(), id)
                .filter(JoysAndWorries.Collection::published)
                .orElseThrow(PublicFrame.NotFound::new);
    }

    @ExceptionHandler({PublicFrame.NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return PublicFrame.notFound(request, response, model);
    }
}
