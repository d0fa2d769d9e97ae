package fi.hyte.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The browser tests' accessibility check: axe-core's WCAG 2.1 A and AA rules on the page as it stands. */
final class Axe {

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Axe() {}

    /**
     * Saves a full-page screenshot as {@code target/screenshots/<name>.png} (to look at after a run)
     * and returns the page's violations, each named by the page, the rule and the elements.
     */
    static List<String> scan(Page page, String name) {
        return violations(analyze(page, name), name);
    }

    /** The screenshot as {@link #scan} takes it and axe-core's full result (passes, rules run, version). */
    static AxeResults analyze(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
        return new AxeBuilder(page).withTags(WCAG).analyze();
    }

    static List<String> violations(AxeResults results, String name) {
        return results.getViolations().stream()
                .map(rule -> name + ": " + describe(rule))
                .collect(Collectors.toList());
    }

    static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getHelp() + ") at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }
}
