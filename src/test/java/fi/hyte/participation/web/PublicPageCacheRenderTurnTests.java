package fi.hyte.participation.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One render at a time per page address: while a new version of a consultation page renders, other
 * readers get the previous version of the same family with its own ETag; a new family (a
 * publication) is never answered by an older page; once rendered, the new version is answered.
 */
class PublicPageCacheRenderTurnTests {

    static final String PAGE = "/o/kunta/fi/consultations/1";

    final PublicPageCache cache = new PublicPageCache(1_000_000);

    @Test
    void whileANewVersionRendersReadersGetThePreviousOfTheSameFamilyAndThenTheNewOne() throws Exception {
        assertThat(read("f", "\"e1\"", "versio 1").getContentAsString()).isEqualTo("versio 1");

        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread renderer = new Thread(() -> {
            try {
                serve("f", "\"e2\"", "versio 2", rendering, release);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        renderer.start();
        assertThat(rendering.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse meanwhile = read("f", "\"e2\"", "ei renderöidä");
        assertThat(meanwhile.getContentAsString()).isEqualTo("versio 1");
        assertThat(meanwhile.getHeader("ETag")).isEqualTo("\"e1\"");
        MockHttpServletResponse current = read("f", "\"e2\"", "ei renderöidä", "\"e1\"");
        assertThat(current.getStatus())
                .as("the reader's copy is that previous version")
                .isEqualTo(304);
        MockHttpServletResponse published = read("g", "\"e3\"", "uusi julkaisu");
        assertThat(published.getContentAsString())
                .as("a new family renders itself")
                .isEqualTo("uusi julkaisu");

        release.countDown();
        renderer.join(5000);
        MockHttpServletResponse after = read("f", "\"e2\"", "ei renderöidä");
        assertThat(after.getContentAsString()).isEqualTo("versio 2");
    }

    @Test
    void aPageWithoutAFamilyIsNeverAnsweredByAnOlderOne() throws Exception {
        assertThat(read(null, "\"a\"", "vanha").getContentAsString()).isEqualTo("vanha");
        assertThat(read(null, "\"a\"", "ei renderöidä").getContentAsString()).isEqualTo("vanha");
        assertThat(read(null, "\"b\"", "uusi").getContentAsString()).isEqualTo("uusi");
    }

    private MockHttpServletResponse read(String family, String etag, String body) throws Exception {
        return read(family, etag, body, null);
    }

    private MockHttpServletResponse read(String family, String etag, String body, String ifNoneMatch) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PAGE);
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, controller(family, etag, body, null, null));
        return response;
    }

    private void serve(String family, String etag, String body, CountDownLatch rendering, CountDownLatch release)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PAGE);
        cache.doFilter(request, new MockHttpServletResponse(), controller(family, etag, body, rendering, release));
    }

    /** As PublicSiteController: ask the cache, else render (here: write the body). */
    private FilterChain controller(
            String family, String etag, String body, CountDownLatch rendering, CountDownLatch release) {
        return (req, res) -> {
            var request = (jakarta.servlet.http.HttpServletRequest) req;
            var response = (jakarta.servlet.http.HttpServletResponse) res;
            response.setHeader("ETag", etag);
            if (cache.answer(family, etag, request, response)) {
                return;
            }
            if (rendering != null) {
                rendering.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
    }
}
