package fi.hyte.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's 401 and 403 as JSON, {@code {"error": …, "message": …}}, in the language the client asks
 * for with Accept-Language (Finnish, Swedish or English; Finnish by default).
 */
class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));

    private final MessageSource messages;
    private final JsonMapper json;

    ApiRefusals(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Hyte\"");
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "api.unauthorized");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "api.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String error, String key)
            throws IOException {
        String message = messages.getMessage(key, null, language(request));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(new Refusal(error, message)));
    }

    static Locale language(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted == null || accepted.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accepted), LANGUAGES);
            return chosen == null ? LANGUAGES.get(0) : chosen;
        } catch (IllegalArgumentException malformed) {
            return LANGUAGES.get(0);
        }
    }

    /** The body of a refusal. */
    record Refusal(String error, String message) {}
}
