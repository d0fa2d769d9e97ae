package fi.hyte.participation.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public site's pages as rendered, kept in memory by their ETag and address, so that a page read
 * again is written without reading the publications or rendering the template.
 *
 * <p>The key is the page's entity tag as the controller read it from PostgreSQL in the same request
 * (the site's publication version, the key indicators' import batches, the report's publication
 * version, the build; on a consultation also its answers' and statements' versions and the form
 * token's hour) and the page's address, which holds the language. Every publication and import on
 * any node changes the tag, so the key changes on every node at once: nothing is invalidated, an old
 * page is never asked for again and ages out (as {@code indicator.domain.IndicatorPageCache}). The tag
 * is read before the page is rendered, so a stored page is never older than its key.
 *
 * <p>A consultation's page changes with every published answer (up to 20 a second, issue 14 §9),
 * and each change would have every reader in flight render it again. So one request renders a
 * page's new version at a time; readers who ask for the same address while it renders get the
 * previous version of the same family (the ETag without the answers' version; a publication or a
 * settings change is a new family, never answered by an older page), with its own ETag, as if they
 * had asked a moment earlier. A request made after the render has finished gets the new version.
 *
 * <p>Filled by this filter: a controller that found no page calls {@link #answer}, which marks the
 * request with its key; the filter keeps the rendered body of a marked request that was answered
 * 200. Bounded by bytes, {@code hyte.participation.page-cache-bytes}, 32 MB by default (0: off).
 */
@Component
class PublicPageCache extends OncePerRequestFilter {

    private static final String PENDING = PublicPageCache.class.getName() + ".pending";
    private static final long LAPSE_NANOS = 10_000_000_000L;

    record Page(byte[] body, String contentType) {}

    /** The latest version of a page address rendered, with the family and ETag it was rendered under. */
    private record Latest(String family, String etag, Page page) {}

    /** A request that renders a page: where its page is kept, and whether it holds the address's turn. */
    private record Pending(String key, String address, String family, String etag, Long turn) {}

    private final Cache<String, Page> pages;
    private final Cache<String, Latest> latest;
    /** The addresses being rendered, with when their render began (a turn older than 10 s has lapsed). */
    private final ConcurrentHashMap<String, Long> rendering = new ConcurrentHashMap<>();

    private volatile boolean enabled;

    PublicPageCache(@Value("${hyte.participation.page-cache-bytes:33554432}") long maximumBytes) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maximumBytes))
                .weigher((String key, Page page) -> key.length() + page.body().length)
                .build();
        this.latest = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maximumBytes / 4))
                .weigher((String key, Latest last) -> key.length() + last.page().body().length)
                .build();
        this.enabled = maximumBytes > 0;
    }

    /** {@link #answer(String, String, HttpServletRequest, HttpServletResponse)} without a family. */
    boolean answer(String etag, HttpServletRequest request, HttpServletResponse response) {
        return answer(null, etag, request, response);
    }

    /**
     * Writes the page stored under this ETag and the request's address and answers true; or, while
     * another request renders this address, the previous version of the same family (null: none may
     * stand in); otherwise marks the request so that its rendered page is stored, and answers false.
     * The caller has set the page's headers (Cache-Control, and ETag by its conditional check).
     */
    boolean answer(String family, String etag, HttpServletRequest request, HttpServletResponse response) {
        if (!enabled || !"GET".equals(request.getMethod())) {
            return false;
        }
        String address = request.getRequestURI();
        String key = etag + " " + address;
        Page page = pages.getIfPresent(key);
        if (page != null) {
            write(page, response);
            return true;
        }
        Long turn = takeTurn(address);
        if (turn == null && family != null) {
            Latest last = latest.getIfPresent(address);
            if (last != null && last.family().equals(family)) {
                response.setHeader(HttpHeaders.ETAG, last.etag());
                String asked = request.getHeader(HttpHeaders.IF_NONE_MATCH);
                if (asked != null && asked.contains(last.etag())) {
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                } else {
                    write(last.page(), response);
                }
                return true;
            }
        }
        request.setAttribute(PENDING, new Pending(key, address, family, etag, turn));
        return false;
    }

    /** This request's turn to render the address (when it began), or null while another's holds. */
    private Long takeTurn(String address) {
        long now = System.nanoTime();
        Long began = rendering.putIfAbsent(address, now);
        return began == null || (now - began > LAPSE_NANOS && rendering.replace(address, began, now)) ? now : null;
    }

    private static void write(Page page, HttpServletResponse response) {
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        try {
            response.getOutputStream().write(page.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the cache off and empties it, or on again (how the benchmark measures both in one run). */
    void enable(boolean on) {
        enabled = on;
        if (!on) {
            pages.invalidateAll();
            latest.invalidateAll();
        }
    }

    /** How many pages are held (for tests). */
    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled
                || !"GET".equals(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/o/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (request.getAttribute(PENDING) instanceof Pending pending) {
                String type = wrapper.getContentType();
                if (wrapper.getStatus() == 200
                        && type != null
                        && type.startsWith("text/html")
                        && wrapper.getContentSize() > 0) {
                    Page page = new Page(wrapper.getContentAsByteArray(), type);
                    pages.put(pending.key(), page);
                    if (pending.family() != null) {
                        latest.put(pending.address(), new Latest(pending.family(), pending.etag(), page));
                    }
                }
            }
        } finally {
            if (request.getAttribute(PENDING) instanceof Pending pending && pending.turn() != null) {
                rendering.remove(pending.address(), pending.turn());
            }
            wrapper.copyBodyToResponse();
        }
    }
}
