package fi.hyte.platform.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message in the recipient's language: the subject, a plain-text part and an accessible
 * HTML part from the same Thymeleaf templates ({@code templates/mail/message.txt} and {@code .html}),
 * every text from the message bundles. Lines come as the producing module's keys and arguments.
 */
@Component
class MailRenderer {

    private final MessageSource messages;
    private final OrganisationDirectory organisations;
    private final MailProperties properties;
    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;
    /** Organisations' names, read once a minute at most: a digest run renders hundreds of messages. */
    private final Cache<OrganisationId, LocalizedText> names = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    MailRenderer(MessageSource messages, OrganisationDirectory organisations, MailProperties properties) {
        this.messages = messages;
        this.organisations = organisations;
        this.properties = properties;
        this.html = engine(messages, TemplateMode.HTML, ".html");
        this.text = engine(messages, TemplateMode.TEXT, ".txt");
    }

    private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }

    /** A rendered message, ready for the outbox. */
    record Rendered(String subject, String text, String html) {}

    /** One line in the recipient's language, with the absolute address of its page. */
    record Line(String text, String url) {}

    /** One section in the recipient's language. */
    record Section(String heading, List<Line> lines) {}

    Rendered render(
            OrganisationId organisation,
            MailKind kind,
            String language,
            String recipientName,
            MailLine subject,
            List<MailSection> sections,
            String path,
            String unsubscribeUrl) {
        Locale locale = Locale.forLanguageTag(language);
        String organisationName =
                organisations.find(organisation).map(o -> o.name().in(locale)).orElse("Hyte");
        String subjectText = resolve(subject, locale);
        List<Section> resolved = new ArrayList<>();
        for (MailSection section : sections) {
            resolved.add(new Section(
                    section.headingKey() == null ? null : messages.getMessage(section.headingKey(), null, locale),
                    section.lines().stream()
                            .map(l -> new Line(resolve(l, locale), l.path() == null ? null : properties.link(l.path())))
                            .toList()));
        }
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", subjectText);
        context.setVariable("recipientName", recipientName);
        // A resident is greeted without a name and has no account, settings or subscription.
        context.setVariable("resident", kind.toResidents());
        context.setVariable("organisationName", organisationName);
        context.setVariable(
                "intro", messages.getMessage("mail.intro." + kind.name(), new Object[] {organisationName}, locale));
        context.setVariable("kindName", messages.getMessage(kind.labelKey(), null, locale));
        context.setVariable("sections", resolved);
        context.setVariable("link", properties.link(path == null ? "/" : path));
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        context.setVariable("settingsUrl", properties.link("/account/mail"));
        return new Rendered(subjectText, text.process("message", context), html.process("message", context));
    }

    private String resolve(MailLine line, Locale locale) {
        Object[] args = line.args().stream().map(a -> argument(a, locale)).toArray();
        return messages.getMessage(line.key(), args, locale);
    }

    /** Texts and dates in the reader's language; numbers as written by the producer (no grouping of years). */
    private static Object argument(Object argument, Locale locale) {
        if (argument instanceof LocalizedText text) {
            return text.in(locale);
        }
        if (argument instanceof java.time.LocalDate date) {
            return new fi.hyte.platform.format.Formats(locale, java.time.ZoneId.of("Europe/Helsinki")).date(date);
        }
        if (argument instanceof Integer || argument instanceof Long) {
            return argument.toString();
        }
        return argument == null ? "" : argument;
    }
}
