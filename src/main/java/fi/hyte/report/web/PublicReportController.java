package fi.hyte.report.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.jobs.Jobs;
import fi.hyte.platform.web.KeptPages;
import fi.hyte.report.domain.Frozen;
import fi.hyte.report.domain.Markdown;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportExports;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Reports.PublishedSnapshot;
import fi.hyte.report.domain.Snapshot;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The published report for everyone, without signing in: one address per version and language,
 * no cookie, no JavaScript needed, cacheable (a published version never changes: its ETag is its
 * fingerprint with the list of the organisation's reports). Drafts and unknown ids answer 404.
 */
@Controller
@RequestMapping("/public/reports")
class PublicReportController {

    static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Reports reports;
    private final Markdown markdown;
    private final ReportExports exports;
    private final OrganisationCatalog organisations;
    private final Jobs jobs;
    private final tools.jackson.databind.json.JsonMapper json;
    private final fi.hyte.report.domain.FrozenCache frozenCache;
    private final org.thymeleaf.spring6.view.ThymeleafViewResolver views;
    private final KeptPages keptPages;

    PublicReportController(
            Reports reports,
            Markdown markdown,
            ReportExports exports,
            OrganisationCatalog organisations,
            Jobs jobs,
            tools.jackson.databind.json.JsonMapper json,
            fi.hyte.report.domain.FrozenCache frozenCache,
            org.thymeleaf.spring6.view.ThymeleafViewResolver views,
            KeptPages keptPages) {
        this.keptPages = keptPages;
        this.frozenCache = frozenCache;
        this.views = views;
        this.reports = reports;
        this.markdown = markdown;
        this.exports = exports;
        this.organisations = organisations;
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping("/{id}/{lang}")
    ResponseEntity<byte[]> latest(
            @PathVariable UUID id,
            @PathVariable String lang,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            WebRequest web) {
        return page(id, null, lang, request, response, web);
    }

    @GetMapping("/{id}/v/{n}/{lang}")
    ResponseEntity<byte[]> version(
            @PathVariable UUID id,
            @PathVariable int n,
            @PathVariable String lang,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            WebRequest web) {
        return page(id, n, lang, request, response, web);
    }

    private PublishedSnapshot published(UUID id, Integer n) {
        return reports.published(id, n).orElseThrow(() -> new NotFoundException("report"));
    }

    /**
     * The page, rendered once for each version, language and list of the organisation's published
     * reports (its ETag) and kept by {@link KeptPages} as it is and gzip-compressed: an address
     * answered before is answered from memory without the database until the organisation changes
     * anything (a publication is audited) or 30 seconds pass.
     */
    private ResponseEntity<byte[]> page(
            UUID id,
            Integer n,
            String lang,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            WebRequest web) {
        Locale locale = language(lang, request);
        PublishedSnapshot p = published(id, n);
        List<PublishedSnapshot> all = reports.publishedOf(p.organisation());
        StringBuilder etag = new StringBuilder(p.snapshot().sha256().substring(0, 32))
                .append('-')
                .append(lang);
        // The list of the organisation's published reports is on the page: its snapshots are in the tag.
        java.util.zip.CRC32 list = new java.util.zip.CRC32();
        all.forEach(x -> list.update(x.snapshot().id().toString().getBytes(StandardCharsets.US_ASCII)));
        etag.append('-').append(all.size()).append('-').append(Long.toString(list.getValue(), 36));
        if (keptPages.answer(request, response, p.organisation(), etag.toString(), true)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(render(p, all, lang, locale, request, response));
    }

    /** Whether the request's Accept-Encoding takes gzip (named or {@code *}, without {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        return KeptPages.acceptsGzip(acceptEncoding);
    }

    private byte[] render(
            PublishedSnapshot p,
            List<PublishedSnapshot> all,
            String lang,
            Locale locale,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        Frozen frozen = frozenCache.of(p.snapshot());
        ReportContent content = frozen.in(lang);
        Map<String, String> html = new LinkedHashMap<>();
        html.put("summary", markdown.html(content.summary().text()));
        content.sections()
                .forEach(s -> html.put(
                        String.valueOf(s.id()),
                        markdown.html(s.markdown().text(), s.images(), Locale.forLanguageTag(content.language()))));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("snapshot", p.snapshot());
        model.put("frozen", frozen);
        model.put("doc", content);
        model.put("html", html);
        model.put("changedBlocks", List.of());
        // The minimum data list links its Sotkanet ids to Sotkanet's own indicator pages here.
        model.put("sotkanetPages", true);
        model.put("lang", lang);
        model.put(
                "organisation",
                organisations
                        .find(p.organisation())
                        .map(o -> o.name().in(locale))
                        .orElse(""));
        model.put(
                "earlier",
                all.stream()
                        .map(x -> new Earlier(
                                x.snapshot(),
                                frozenCache.of(x.snapshot()).in(lang).title()))
                        .toList());
        try {
            org.springframework.web.servlet.View view = views.resolveViewName("report/public", locale);
            Rendered out = new Rendered(response);
            view.render(model, request, out);
            return out.bytes();
        } catch (Exception e) {
            throw new IllegalStateException("The public report page cannot be rendered", e);
        }
    }

    /** A response that keeps what a view writes instead of sending it. */
    private static final class Rendered extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final java.io.StringWriter text = new java.io.StringWriter();
        private final java.io.PrintWriter writer = new java.io.PrintWriter(text);

        Rendered(jakarta.servlet.http.HttpServletResponse response) {
            super(response);
        }

        @Override
        public java.io.PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void setContentType(String type) {}

        @Override
        public void setCharacterEncoding(String charset) {}

        @Override
        public void setLocale(Locale locale) {}

        byte[] bytes() {
            writer.flush();
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An earlier (or the same) published report, for the list at the foot of the page. */
    record Earlier(Snapshot snapshot, String title) {}

    private static Locale language(String lang, HttpServletRequest request) {
        if (!LANGUAGES.contains(lang)) {
            throw new NotFoundException("language");
        }
        Locale locale = Locale.forLanguageTag(lang);
        // The address decides the language, not the signed-in app's cookie.
        request.setAttribute(CookieLocaleResolver.class.getName() + ".LOCALE", locale);
        LocaleContextHolder.setLocale(locale);
        return locale;
    }

    @GetMapping("/{id}/v/{n}/{lang}/report.{format}")
    ResponseEntity<byte[]> file(
            @PathVariable UUID id,
            @PathVariable int n,
            @PathVariable String lang,
            @PathVariable String format,
            HttpServletRequest request) {
        language(lang, request);
        if (!ReportExports.FORMATS.contains(format)) {
            throw new NotFoundException("format");
        }
        Snapshot s = published(id, n).snapshot();
        Optional<byte[]> made = exports.file(s, format, lang);
        if (made.isEmpty()) {
            // Made once for everyone: a second reader meanwhile is asked to come back shortly.
            Optional<Jobs.Outcome> outcome = jobs.runHere(
                    ReportExports.KIND,
                    "report:" + s.id() + ":" + format + ":" + lang,
                    published(id, n).organisation(),
                    null,
                    progress -> {
                        reports.saveExport(
                                published(id, n).organisation(), s.id(), format, lang, exports.make(s, format, lang));
                        return new Jobs.Outcome(true, "report.export.done", null);
                    });
            made = exports.file(s, format, lang);
            if (outcome.isEmpty() || made.isEmpty()) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, "10")
                        .build();
            }
        }
        return download(made.get(), format, "hyvinvointikertomus-" + n + "-" + lang + "." + format);
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String format, String filename) {
        MediaType type = "pdf".equals(format)
                ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CACHE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }

    @GetMapping("/{id}/v/{n}/data.json")
    ResponseEntity<String> json(@PathVariable UUID id, @PathVariable int n) {
        Snapshot s = published(id, n).snapshot();
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(s.sha256())
                .contentType(MediaType.APPLICATION_JSON)
                .body(exports.json(s));
    }

    @GetMapping("/{id}/v/{n}/data.csv")
    ResponseEntity<String> csv(@PathVariable UUID id, @PathVariable int n) {
        Snapshot s = published(id, n).snapshot();
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(s.sha256())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hyvinvointikertomus-" + n + ".csv\"")
                .body(exports.csv(s));
    }
}
