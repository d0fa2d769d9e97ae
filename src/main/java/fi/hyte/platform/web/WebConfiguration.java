package fi.hyte.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Languages: Finnish by default; {@code ?lang=fi|sv|en} on any page switches and is remembered. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hyte-lang");
        resolver.setDefaultLocale(Locale.forLanguageTag("fi"));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        // Pages speak Finnish until the visitor chooses; the API answers in the caller's Accept-Language.
        resolver.setDefaultLocaleFunction(
                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        ? acceptedLanguage(request.getHeader("Accept-Language"))
                        : Locale.forLanguageTag("fi"));
        return resolver;
    }

    private static final List<Locale> API_LANGUAGES =
            List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));

    static Locale acceptedLanguage(String header) {
        if (header == null || header.isBlank()) {
            return API_LANGUAGES.get(0);
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), API_LANGUAGES);
            return match == null ? API_LANGUAGES.get(0) : match;
        } catch (IllegalArgumentException e) {
            return API_LANGUAGES.get(0);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        String lang = request.getParameter("lang");
                        if (lang != null && LANGUAGES.contains(lang)) {
                            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                            if (resolver != null) {
                                resolver.setLocale(request, response, Locale.forLanguageTag(lang));
                            }
                        }
                        return true;
                    }
                })
                // The public sites have the language in the address and set no cookie.
                .excludePathPatterns("/o/**");
    }
}
