package fi.hyte.participation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * On the public site the language is in the address ({@code /o/slug/sv/…}), so one address is
 * always one page: the request's locale is set from it for this request only, nothing is
 * remembered and no cookie is written (the visitor's own language cookie is ignored here).
 */
@Configuration
class PublicLanguage implements WebMvcConfigurer {

    static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        request.setAttribute(
                                CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, Locale.forLanguageTag(of(request)));
                        return true;
                    }
                })
                .addPathPatterns("/o/**");
    }

    /** The address's language, or Finnish when it has none (a page not found). */
    static String of(HttpServletRequest request) {
        String[] parts = request.getRequestURI()
                .substring(request.getContextPath().length())
                .split("/");
        return parts.length > 3 && LANGUAGES.contains(parts[3]) ? parts[3] : "fi";
    }
}
