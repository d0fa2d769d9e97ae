package fi.hyte.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses oversized requests before anything reads them. The answer is written here, in the user's
 * language, because the usual error page would try to read the oversized body again. A request
 * without a Content-Length (chunked) is bounded too: its bytes are counted as they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** A filled-in plan spreadsheet coming back (plan.web.PlanExchangeController). */
    private static final Pattern PLAN_IMPORT = Pattern.compile("/plan/[0-9a-fA-F-]{36}/import");

    /** A picture for a report's section, new or in place of another (report.web.SectionImageController). */
    private static final Pattern REPORT_IMAGE = Pattern.compile(
            "/reports/[0-9a-fA-F-]{36}/(sections/[0-9a-fA-F-]{36}/images|images/[0-9a-fA-F-]{36}/file)");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestSizeLimit(
            @Value("${hyte.web.max-request-bytes}") long maxBytes,
            @Value("${hyte.web.max-upload-bytes}") long maxUploadBytes,
            MessageSource messages,
            LocaleResolver locales) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        // Only the file imports take large uploads; everywhere else a request stays small.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean upload = type != null
                && type.startsWith("multipart/form-data")
                && (path.equals("/indicators/imports")
                        || path.equals("/api/v1/indicator-imports")
                        || PLAN_IMPORT.matcher(path).matches()
                        || REPORT_IMAGE.matcher(path).matches());
        long limit = upload ? maxUploadBytes : maxBytes;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response);
            return;
        }
        if (length >= 0 || !hasBody(request) || upload || isForm(type)) {
            // Tomcat counts a chunked form against server.tomcat.max-http-form-post-size and a chunked
            // upload against spring.servlet.multipart.max-request-size as it reads them.
            chain.doFilter(request, response);
            return;
        }
        if (type != null && type.startsWith("multipart/")) {
            // No page but the imports takes files, so a chunked one elsewhere is refused unread.
            refuse(request, response);
            return;
        }
        // A chunked body of any other type (JSON above all) is read here, counting, up to the limit,
        // before the security chain or a controller sees it; beyond the limit it is refused unparsed.
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isForm(String type) {
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.413.title", null, locale));
        String lead = HtmlUtils.htmlEscape(messages.getMessage("error.413.lead", null, locale));
        String home = HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Connection", "close");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                        + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/hyte.css\">"
                        + "</head><body><main id=\"main\" class=\"page\"><h1>" + title + "</h1><p class=\"lead\">"
                        + lead + "</p><p><a class=\"button\" href=\"" + request.getContextPath() + "/\">" + home
                        + "</a></p></main></body></html>");
    }

    /** A request whose (small) body has already been read and counted. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
