package fi.hyte.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * language, because the usual error page would try to read the oversized body again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** A filled-in plan spreadsheet coming back (plan.web.PlanExchangeController). */
    private static final Pattern PLAN_IMPORT = Pattern.compile("/plan/[0-9a-fA-F-]{36}/import");

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
                        || PLAN_IMPORT.matcher(path).matches());
        long limit = upload ? maxUploadBytes : maxBytes;
        if (request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
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
}
