package fi.hyte.participation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hyte's own automatic accessibility check of the public site, as the browser tests last recorded
 * it ({@code participation/accessibility-check.json}, kept true by {@code PublicSiteBrowserTests}):
 * when, with which axe-core version and rules, which pages in which languages and widths, and the
 * violations found on each. The accessibility statement is prefilled from it.
 */
@Component
public class AccessibilityCheck {

    public static final String RESOURCE = "participation/accessibility-check.json";

    private final Result result;

    AccessibilityCheck(JsonMapper json) {
        ClassPathResource resource = new ClassPathResource(RESOURCE);
        if (!resource.exists()) {
            this.result = null;
            return;
        }
        try (InputStream in = resource.getInputStream()) {
            this.result = json.readValue(in, Result.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded check; empty when none is recorded (the statement then says it was not checked). */
    public Optional<Result> latest() {
        return Optional.ofNullable(result);
    }

    /**
     * One recorded run of axe-core over the public pages.
     *
     * @param checkedOn the day the record was last refreshed (the browser tests then check on every
     *     run that it still holds)
     * @param standard the axe rule tags run (WCAG 2.1 A and AA)
     * @param rulesRun how many of axe-core's rules those tags ran
     * @param keyboard whether the run also went through the pages with the keyboard alone
     */
    public record Result(
            String checkedOn,
            String tool,
            String axeVersion,
            List<String> standard,
            int rulesRun,
            List<Integer> widths,
            List<String> languages,
            boolean keyboard,
            List<PageResult> pages) {

        public LocalDate day() {
            return LocalDate.parse(checkedOn);
        }

        /** How many different pages (page kinds, such as the plan or a consultation) were checked. */
        public int pageCount() {
            return (int) pages.stream().map(PageResult::page).distinct().count();
        }

        /** How many violations were found, over every page, language and width. */
        public int violations() {
            return pages.stream().mapToInt(p -> p.violations().size()).sum();
        }

        /** The pages with a violation, each with its rules. */
        public List<PageResult> failing() {
            return pages.stream().filter(p -> !p.violations().isEmpty()).toList();
        }
    }

    /** A page (its path under the site, ids as {id}) in one language and the rules it violated. */
    public record PageResult(String page, String language, List<String> violations) {}
}
