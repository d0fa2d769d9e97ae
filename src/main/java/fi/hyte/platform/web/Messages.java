package fi.hyte.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, one per module (messages/MODULE_fi|sv|en.properties). Finnish is the
 * default; there are no language-neutral base files, so nothing silently falls back to another
 * language than Finnish.
 */
@Configuration
class Messages {

    static final String[] BUNDLES = {"messages/platform", "messages/organisation"};

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BUNDLES);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.forLanguageTag("fi"));
        return source;
    }
}
