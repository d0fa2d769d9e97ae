package fi.hyte.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
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
        resolver.setDefaultLocaleFunction(request -> Locale.forLanguageTag("fi"));
        return resolver;
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
        });
    }
}
