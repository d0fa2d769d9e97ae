package fi.hyte.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles, one per module (messages/MODULE_fi|sv|en.properties), found on the class
 * path so that a new module's bundle needs no registration. Finnish is the default; there are no
 * language-neutral base files, so nothing silently falls back to a language other than Finnish.
 */
@Configuration
class Messages {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(bundles());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.forLanguageTag("fi"));
        return source;
    }

    static String[] bundles() {
        try {
            Resource[] finnish =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_fi.properties");
            return Arrays.stream(finnish)
                    .map(Resource::getFilename)
                    .map(name -> "messages/" + name.substring(0, name.length() - "_fi.properties".length()))
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
