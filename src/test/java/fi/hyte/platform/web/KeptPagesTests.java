package fi.hyte.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.PublicChanges;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One kept-page piece for every public page (issue 14 §1 and §9): answered from memory (200 and
 * 304) until the organisation changes something, gzip kept once, never across organisations,
 * never a page made for one client's session, never more than its bytes.
 */
class KeptPagesTests {

    final PublicChanges changes = new PublicChanges();
    final KeptPages pages = new KeptPages(changes, 1_000_000, List.of("/o/"));
    final OrganisationId org = new OrganisationId(UUID.randomUUID());
    final AtomicInteger renders = new AtomicInteger();

    /** A public page: its organisation, its ETag read "from the database", and the page rendered. */
    class Page extends HttpServlet {
        volatile OrganisationId organisation = org;
        volatile String etag = "v1";
        volatile String text = "<p>sivu</p>";
        volatile boolean session;
        volatile CountDownLatch hold;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (pages.answer(request, response, organisation, etag, true)) {
                return;
            }
            renders.incrementAndGet();
            if (hold != null) {
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = text;
            if (session) {
                // A form with a per-client token kept in the client's session (as Spring's CSRF token).
                body += "<input name=\"_csrf\" value=\""
                        + request.getSession(true).getId() + "\">";
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(body);
        }
    }

    final Page page = new Page();

    MockHttpServletResponse get(String address, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", address);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.doFilter(request, response, new MockFilterChain(page));
        return response;
    }

    @Test
    void aPageReadAgainIsAnsweredFromMemoryAnd304WithoutRenderingAgainUntilItsOrganisationChangesSomething()
            throws Exception {
        MockHttpServletResponse first = get("/o/kunta/fi/plan");
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString()).isEqualTo("<p>sivu</p>");
        assertThat(first.getHeader("ETag")).isEqualTo("\"v1\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(first.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(first.getHeader("Set-Cookie")).isNull();
        page.text = "<p>uusi</p>"; // changed in the database, but no change counted yet
        page.etag = "v2";
        MockHttpServletResponse kept = get("/o/kunta/fi/plan");
        assertThat(kept.getContentAsString()).isEqualTo("<p>sivu</p>");
        assertThat(kept.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
        MockHttpServletResponse notModified = get("/o/kunta/fi/plan", "If-None-Match", "\"v1\"");
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(renders).hasValue(1);

        changes.changed(org); // a publication
        MockHttpServletResponse published = get("/o/kunta/fi/plan", "If-None-Match", "\"v1\"");
        assertThat(published.getStatus()).isEqualTo(200);
        assertThat(published.getContentAsString()).isEqualTo("<p>uusi</p>");
        assertThat(published.getHeader("ETag")).isEqualTo("\"v2\"");
        assertThat(get("/o/kunta/fi/plan", "If-None-Match", "\"v2\"").getStatus())
                .isEqualTo(304);
        assertThat(renders).hasValue(2);

        changes.changed(new OrganisationId(UUID.randomUUID())); // another organisation's change
        assertThat(get("/o/kunta/fi/plan").getContentAsString()).isEqualTo("<p>uusi</p>");
        changes.changed(null); // an import of shared values
        page.etag = "v3";
        page.text = "<p>kolmas</p>";
        assertThat(get("/o/kunta/fi/plan").getContentAsString()).isEqualTo("<p>kolmas</p>");
        assertThat(renders).hasValue(3);
    }

    @Test
    void theGzipAnswerIsTheSamePageCompressedOnceWithItsOwnETag() throws Exception {
        page.text = "<p>" + "hyvinvointi ".repeat(2000) + "</p>";
        MockHttpServletResponse plain = get("/o/kunta/sv/plan");
        MockHttpServletResponse gzip = get("/o/kunta/sv/plan", "Accept-Encoding", "gzip, deflate, br");
        MockHttpServletResponse gzipAgain = get("/o/kunta/sv/plan", "Accept-Encoding", "gzip");
        assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzip.getHeader("ETag")).isEqualTo("\"v1-gz\"");
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(gzip.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 10);
        assertThat(gunzip(gzip.getContentAsByteArray())).isEqualTo(plain.getContentAsByteArray());
        assertThat(gzipAgain.getContentAsByteArray()).isEqualTo(gzip.getContentAsByteArray());
        assertThat(get("/o/kunta/sv/plan", "Accept-Encoding", "gzip", "If-None-Match", "\"v1-gz\"")
                        .getStatus())
                .isEqualTo(304);
        assertThat(get("/o/kunta/sv/plan", "If-None-Match", "\"v1-gz\"").getStatus())
                .as("the gzip tag does not name the plain page")
                .isEqualTo(200);
        assertThat(get("/o/kunta/sv/plan", "Accept-Encoding", "gzip;q=0").getHeader("Content-Encoding"))
                .isNull();
        assertThat(renders).hasValue(1);

        // A first render for a gzip reader is sent compressed too.
        changes.changed(org);
        page.etag = "v2";
        MockHttpServletResponse fresh = get("/o/kunta/sv/plan", "Accept-Encoding", "gzip");
        assertThat(fresh.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(fresh.getHeader("ETag")).isEqualTo("\"v2-gz\"");
        assertThat(gunzip(fresh.getContentAsByteArray())).isEqualTo(plain.getContentAsByteArray());
    }

    @Test
    void aPageIsNeverAnsweredForAnotherOrganisationNorAcrossAddressesOrLanguages() throws Exception {
        get("/o/kunta/fi/contact");
        // The same address now belongs to another organisation (its site took the slug); under the
        // same tag the first organisation's page is not written for it.
        changes.changed(org);
        page.organisation = new OrganisationId(UUID.randomUUID());
        page.text = "<p>toinen</p>";
        assertThat(get("/o/kunta/fi/contact").getContentAsString()).isEqualTo("<p>toinen</p>");
        page.text = "<p>svenska</p>";
        assertThat(get("/o/kunta/sv/contact").getContentAsString()).isEqualTo("<p>svenska</p>");
        assertThat(get("/o/kunta/fi/contact").getContentAsString()).isEqualTo("<p>toinen</p>");
        assertThat(renders).hasValue(3);
    }

    @Test
    void aPageMadeForOneClientsSessionWithItsTokenIsNeverSharedNorIsASignedInRequestAnsweredFromMemory()
            throws Exception {
        page.session = true;
        MockHttpServletResponse one = get("/o/kunta/fi/consultations/x");
        MockHttpServletResponse two = get("/o/kunta/fi/consultations/x");
        assertThat(one.getContentAsString()).contains("_csrf");
        assertThat(two.getContentAsString()).contains("_csrf").isNotEqualTo(one.getContentAsString());
        assertThat(renders).hasValue(2);
        assertThat(pages.size()).isZero();

        page.session = false;
        get("/o/kunta/fi/plan");
        assertThat(pages.size()).isEqualTo(1);
        page.text = "<p>henkilökunnalle</p>";
        MockHttpServletRequest staff = new MockHttpServletRequest("GET", "/o/kunta/fi/plan");
        staff.setRequestedSessionId("istunto");
        MockHttpServletResponse signedIn = new MockHttpServletResponse();
        pages.doFilter(staff, signedIn, new MockFilterChain(page));
        assertThat(signedIn.getContentAsString()).isEqualTo("<p>henkilökunnalle</p>");
        MockHttpServletResponse withCookie = get("/o/kunta/fi/plan", "Cookie", "JSESSIONID=abc");
        assertThat(withCookie.getContentAsString()).isEqualTo("<p>henkilökunnalle</p>");
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/o/kunta/fi/plan");
        MockHttpServletResponse posted = new MockHttpServletResponse();
        pages.doFilter(post, posted, new MockFilterChain(new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("lähetetty");
            }
        }));
        assertThat(posted.getContentAsString()).isEqualTo("lähetetty");
        assertThat(get("/o/kunta/fi/plan").getContentAsString()).isEqualTo("<p>sivu</p>");
        assertThat(renders)
                .as("two sessions' pages, the kept page, the staff's, the cookie's")
                .hasValue(5);
    }

    @Test
    void whatIsKeptIsBoundedByItsBytes() throws Exception {
        page.text = "x".repeat(100_000);
        for (int i = 0; i < 40; i++) {
            get("/o/kunta/fi/consultations/" + i);
        }
        assertThat(pages.weight()).isLessThanOrEqualTo(1_000_000);
        assertThat(pages.size()).isBetween(1L, 10L);
    }

    @Test
    void ofReadersAskingForANewPageAtOnceOneRendersAndTheOthersGetItsPage() throws Exception {
        page.hold = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<MockHttpServletResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(readers.submit(() -> get("/o/kunta/en/plan")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (renders.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            page.hold.countDown();
            for (Future<MockHttpServletResponse> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).getContentAsString())
                        .isEqualTo("<p>sivu</p>");
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(renders).hasValue(1);
    }

    @Test
    void aPageThatDoesNotFollowPublicationsOnlyIsAskedForItsTagEachTime() throws Exception {
        HttpServlet consultation = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                if (pages.answer(request, response, org, page.etag, false)) {
                    return;
                }
                renders.incrementAndGet();
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(page.text);
            }
        };
        MockHttpServletResponse first = new MockHttpServletResponse();
        pages.doFilter(
                new MockHttpServletRequest("GET", "/o/kunta/fi/consultations/y"),
                first,
                new MockFilterChain(consultation));
        MockHttpServletResponse again = new MockHttpServletResponse();
        pages.doFilter(
                new MockHttpServletRequest("GET", "/o/kunta/fi/consultations/y"),
                again,
                new MockFilterChain(consultation));
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        page.etag = "v2"; // a new published answer, no change counted
        page.text = "<p>uusi vastaus</p>";
        MockHttpServletResponse answered = new MockHttpServletResponse();
        pages.doFilter(
                new MockHttpServletRequest("GET", "/o/kunta/fi/consultations/y"),
                answered,
                new MockFilterChain(consultation));
        assertThat(answered.getContentAsString()).isEqualTo("<p>uusi vastaus</p>");
        assertThat(renders).hasValue(2);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
