package fi.hyte.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.PublicChanges;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public pages as rendered, kept in memory once as they are and once gzip-compressed, for every
 * module's public pages (the participation site {@code /o/…}, the published report
 * {@code /public/reports/…}).
 *
 * <p><b>Key.</b> A page is kept under its address (path and query; the language is in the path)
 * and held in both encodings: a reader whose {@code Accept-Encoding} takes gzip gets the gzip bytes
 * with {@code Content-Encoding: gzip} and the ETag {@code "tag-gz"}, any other the page itself with
 * {@code "tag"}; both carry {@code Vary: Accept-Encoding} and {@code Cache-Control: public,
 * max-age=300}, and never a cookie.
 *
 * <p><b>From memory.</b> A page kept as <i>following publications</i> is answered again by this
 * filter alone — a 304 when {@code If-None-Match} names its ETag, else the kept bytes — without the
 * controller or the database, until its organisation changes anything ({@link PublicChanges}: every
 * committed audited change, so every publication, and every import of indicator values) or 30 seconds
 * pass (a change made on another node). A page that changes with more than publications (a
 * consultation with its answers) is kept too, but each request asks the database for its ETag first
 * and the kept page is written only under the same ETag.
 *
 * <p><b>Never kept:</b> anything but a GET; a request with a session, a principal or an
 * Authorization header (signed-in staff); an answer other than 200 {@code text/html}; an answer
 * that set a cookie or made a session (a per-client CSRF token lives in the session, so a page
 * carrying one is never shared); a page the controller did not hand over ({@link #answer}). The
 * key also holds the organisation: a page is never answered for another organisation's request.
 *
 * <p><b>Single flight.</b> Of the readers asking for an address under a new ETag, one renders it
 * and the others wait for its page (up to 10 s) instead of rendering it too.
 *
 * <p><b>Bounded</b> by bytes (HTML and gzip and key), {@code hyte.kept-pages.bytes}, 64 MB by
 * default (0: off), in a Caffeine cache (already used for the report's frozen content), which
 * evicts by size-weighted frequency and recency; only the paths listed in
 * {@code hyte.kept-pages.paths} are looked at.
 */
@Component
public class KeptPages extends OncePerRequestFilter {

    public static final String CACHE_CONTROL = "public, max-age=300";
    static final long RECHECK_NANOS = Duration.ofSeconds(30).toNanos();
    private static final long WAIT_SECONDS = 10;
    private static final String PENDING = KeptPages.class.getName() + ".pending";
    private static final String STARTED = KeptPages.class.getName() + ".started";

    /**
     * A kept page: both encodings, its ETag (without quotes or encoding), its organisation, whether
     * it is answered from memory, the change number it was last confirmed at and when.
     */
    record Page(
            byte[] html,
            byte[] gzip,
            String contentType,
            String contentLanguage,
            String etag,
            OrganisationId organisation,
            boolean followsPublications,
            long since,
            long checked) {

        Page confirmed(long since, long now) {
            return new Page(
                    html, gzip, contentType, contentLanguage, etag, organisation, followsPublications, since, now);
        }
    }

    private record Pending(
            String address,
            String flight,
            CompletableFuture<Page> future,
            OrganisationId organisation,
            String etag,
            boolean followsPublications,
            long since,
            boolean gzip) {}

    private final Cache<String, Page> pages;
    private final ConcurrentHashMap<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
    private final PublicChanges changes;
    private final List<String> paths;
    private volatile boolean enabled;

    KeptPages(
            PublicChanges changes,
            @Value("${hyte.kept-pages.bytes:67108864}") long maximumBytes,
            @Value("${hyte.kept-pages.paths:/o/,/public/reports/}") List<String> paths) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maximumBytes))
                .weigher((String key, Page page) -> key.length() * 2 + page.html().length + page.gzip().length + 64)
                .build();
        this.changes = changes;
        this.paths = List.copyOf(paths);
        this.enabled = maximumBytes > 0;
    }

    /**
     * The public page's conditional check and kept answer, for a controller that has read the
     * page's organisation and ETag (without quotes, or quoted). Sets Cache-Control, Vary and the
     * ETag of the reader's encoding, and answers true when the response is done: a 304, the kept
     * page of this address under this ETag, or the page another request just rendered. Otherwise
     * false, and the page the controller renders (200 {@code text/html}) is kept.
     *
     * @param followsPublications whether the page changes only with the organisation's audited
     *     changes (and the clock not at all), so that it may be answered from memory
     */
    public boolean answer(
            HttpServletRequest request,
            HttpServletResponse response,
            OrganisationId organisation,
            String etag,
            boolean followsPublications) {
        String tag = etag.replace("\"", "");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        boolean keep = keeps(request) && request.getAttribute(STARTED) instanceof Long;
        boolean gzip = keep && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String quoted = quoted(tag, gzip);
        response.setHeader(HttpHeaders.ETAG, quoted);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), quoted)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        if (!keep) {
            return false;
        }
        long since = (Long) request.getAttribute(STARTED);
        String address = address(request);
        Page page = pages.getIfPresent(address);
        if (page != null && page.etag().equals(tag) && page.organisation().equals(organisation)) {
            pages.asMap().replace(address, page, page.confirmed(Math.max(since, page.since()), System.nanoTime()));
            write(page, gzip, response);
            return true;
        }
        String flight = address + " " + organisation + " " + tag;
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> theirs = rendering.putIfAbsent(flight, mine);
        if (theirs != null) {
            try {
                Page rendered = theirs.get(WAIT_SECONDS, TimeUnit.SECONDS);
                if (rendered != null) {
                    write(rendered, gzip, response);
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // It failed or took too long: this request renders the page itself, unkept.
            }
            return false;
        }
        request.setAttribute(
                PENDING, new Pending(address, flight, mine, organisation, tag, followsPublications, since, gzip));
        return false;
    }

    /** Whether this request may be answered with a kept page, or its page kept: an anonymous GET. */
    private boolean keeps(HttpServletRequest request) {
        return enabled
                && "GET".equals(request.getMethod())
                && request.getRequestedSessionId() == null
                && request.getUserPrincipal() == null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(HttpHeaders.COOKIE) == null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!keeps(request)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long since = changes.now();
        Page page = pages.getIfPresent(address(request));
        if (page != null && page.followsPublications() && fresh(page)) {
            boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
            String quoted = quoted(page.etag(), gzip);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            response.setHeader(HttpHeaders.ETAG, quoted);
            if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), quoted)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            } else {
                write(page, gzip, response);
            }
            return;
        }
        request.setAttribute(STARTED, since);
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Pending pending = null;
        try {
            chain.doFilter(request, wrapper);
            pending = request.getAttribute(PENDING) instanceof Pending p ? p : null;
            String type = wrapper.getContentType();
            if (pending != null
                    && wrapper.getStatus() == 200
                    && type != null
                    && type.startsWith("text/html")
                    && wrapper.getContentSize() > 0
                    && wrapper.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                    && request.getSession(false) == null) {
                byte[] html = wrapper.getContentAsByteArray();
                Page kept = new Page(
                        html,
                        gzip(html),
                        type,
                        wrapper.getHeader(HttpHeaders.CONTENT_LANGUAGE),
                        pending.etag(),
                        pending.organisation(),
                        pending.followsPublications(),
                        pending.since(),
                        System.nanoTime());
                pages.put(pending.address(), kept);
                pending.future().complete(kept);
                if (pending.gzip()) {
                    wrapper.resetBuffer();
                    write(kept, true, response);
                    return;
                }
            }
        } finally {
            if (pending != null) {
                pending.future().complete(null);
                rendering.remove(pending.flight(), pending.future());
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** Whether nothing of its organisation changed since it was confirmed, nor 30 seconds passed. */
    private boolean fresh(Page page) {
        return !changes.changedSince(page.organisation(), page.since())
                && System.nanoTime() - page.checked() < RECHECK_NANOS;
    }

    private static void write(Page page, boolean gzip, HttpServletResponse response) {
        byte[] body = gzip ? page.gzip() : page.html();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
        }
        response.setHeader(HttpHeaders.ETAG, quoted(page.etag(), gzip));
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String address(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /** The strong ETag of one encoding: the gzip bytes are another representation than the page's own. */
    static String quoted(String tag, boolean gzip) {
        return "\"" + tag + (gzip ? "-gz" : "") + "\"";
    }

    private static boolean matches(String ifNoneMatch, String quoted) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String part : ifNoneMatch.split(",")) {
            String t = part.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(quoted) || t.equals("*")) {
                return true;
            }
        }
        return false;
    }

    static byte[] gzip(byte[] html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(html.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            zip.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether the request's Accept-Encoding takes gzip (named or {@code *}, without {@code q=0}). */
    public static boolean acceptsGzip(String acceptEncoding) {
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

    /** Turns keeping off and empties what is kept, or on again (how a benchmark measures both). */
    public void enable(boolean on) {
        enabled = on;
        if (!on) {
            pages.invalidateAll();
        }
    }

    /** How many pages are kept (for tests). */
    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    /** The bytes kept (for tests). */
    long weight() {
        pages.cleanUp();
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
