package fi.hyte.report.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.jobs.Jobs;
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

    PublicReportController(
            Reports reports,
            Markdown markdown,
            ReportExports exports,
            OrganisationCatalog organisations,
            Jobs jobs,
            tools.jackson.databind.json.JsonMapper json,
            fi.hyte.report.domain.FrozenCache frozenCache,
            org.thymeleaf.spring6.view.ThymeleafViewResolver views) {
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

    /** How long an address's known answer is trusted without asking the database (another node may publish). */
    static final long RECHECK_NANOS = Duration.ofSeconds(30).toNanos();

    /**
     * The page, rendered once for each version, language and list of the organisation's published
     * reports (its ETag) and kept as it is and gzip-compressed. An address answered before is then
     * answered from memory without the database — a 304 when the reader has it, else the kept bytes —
     * until a report is published here (or 30 seconds pass, for a publication elsewhere).
     */
    private ResponseEntity<byte[]> page(
            UUID id,
            Integer n,
            String lang,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            WebRequest web) {
        Locale locale = language(lang, request);
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        String address = id + ":" + n + ":" + lang;
        long publications = reports.publications();
        Known known = addresses.getIfPresent(address);
        if (known != null
                && known.publications() == publications
                && System.nanoTime() - known.checked() < RECHECK_NANOS) {
            if (web.checkNotModified(etag(known.etag(), gzip))) {
                return null;
            }
            Page kept = pages.getIfPresent(known.page());
            if (kept != null) {
                return answer(kept, gzip);
            }
        }
        PublishedSnapshot p = published(id, n);
        List<PublishedSnapshot> all = reports.publishedOf(p.organisation());
        String etag = p.snapshot().sha256().substring(0, 32) + "-" + lang + "-" + all.size();
        StringBuilder key =
                new StringBuilder(p.snapshot().id().toString()).append(':').append(lang);
        all.forEach(x -> key.append(':').append(x.snapshot().id()));
        addresses.put(address, new Known(etag, key.toString(), publications, System.nanoTime()));
        if (web.checkNotModified(etag(etag, gzip))) {
            return null;
        }
        Page kept = pages.get(key.toString(), k -> Page.of(render(p, all, lang, locale, request, response)));
        return answer(kept, gzip);
    }

    /** The strong ETag of one encoding: the gzip bytes are another representation than the page's own. */
    private static String etag(String tag, boolean gzip) {
        return "\"" + tag + (gzip ? "-gz" : "") + "\"";
    }

    private static ResponseEntity<byte[]> answer(Page page, boolean gzip) {
        // (The ETag, Vary and Cache-Control headers are on the response already, set above.)
        ResponseEntity.BodyBuilder ok =
                ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        if (gzip) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(page.gzip());
        }
        return ok.body(page.html());
    }

    /** Whether the request's Accept-Encoding takes gzip (named or {@code *}, without {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String q = pieces[i].trim().toLowerCase(Locale.ROOT);
                if (q.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(q.substring(2).trim()) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    /** A rendered page and the same bytes gzip-compressed once. */
    record Page(byte[] html, byte[] gzip) {
        static Page of(byte[] html) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(html.length / 8 + 64);
            try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out, 1 << 16)) {
                zip.write(html);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Page(html, out.toByteArray());
        }
    }

    /** What an address answered last: its ETag (without encoding), the page's key, and when that was read. */
    private record Known(String etag, String page, long publications, long checked) {}

    /** Rendered pages by version, language and the published list: at most 64 MB of HTML and gzip. */
    static final long PAGE_CACHE_BYTES = 64L * 1024 * 1024;

    private final com.github.benmanes.caffeine.cache.Cache<String, Page> pages =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumWeight(PAGE_CACHE_BYTES)
                    .weigher((String k, Page v) -> v.html().length + v.gzip().length + k.length())
                    .build();

    /** Public addresses answered (report, version or latest, language): small, so a count bounds them. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Known> addresses =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .build();

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
