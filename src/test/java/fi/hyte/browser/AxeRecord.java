package fi.hyte.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import fi.hyte.participation.domain.AccessibilityCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public site's axe results of one browser run, set against the checked-in record the
 * accessibility statement is prefilled from ({@code src/main/resources/participation/accessibility-check.json}).
 * The record must agree with the run (axe-core version, rules run, pages, languages, widths and each
 * page's violations); otherwise the test fails and names the command that refreshes it. With {@code -Dhyte.axe.record=true} the run writes the record instead.
 */
final class AxeRecord {

    static final Path FILE = Path.of("src/main/resources").resolve(AccessibilityCheck.RESOURCE);
    static final String REFRESH =
            "./mvnw -B -q test -Dtest=PublicSiteBrowserTests -Dsurefire.failIfNoSpecifiedTests=false -Dhyte.axe.record=true";

    private final Map<String, Set<String>> violations = new TreeMap<>();
    private final Set<String> rules = new TreeSet<>();
    private final Set<String> languages = new TreeSet<>();
    private final Set<Integer> widths = new TreeSet<>();
    private final Set<String> versions = new TreeSet<>();
    private final List<String> order = new ArrayList<>();

    /** One page (its path under the site with ids as {id}) in one language at one width. */
    void add(String page, String language, int width, AxeResults results) {
        String key = page + " " + language;
        if (!violations.containsKey(key)) {
            order.add(key);
        }
        Set<String> found = violations.computeIfAbsent(key, k -> new TreeSet<>());
        results.getViolations().forEach(rule -> found.add(rule.getId()));
        Stream.of(results.getPasses(), results.getViolations(), results.getIncomplete(), results.getInapplicable())
                .flatMap(List::stream)
                .map(Rule::getId)
                .forEach(rules::add);
        languages.add(language);
        widths.add(width);
        versions.add(results.getTestEngine().getVersion());
    }

    /** The record of this run, dated today (Helsinki). */
    AccessibilityCheck.Result result(boolean keyboard) {
        List<AccessibilityCheck.PageResult> pages = order.stream()
                .map(key -> new AccessibilityCheck.PageResult(
                        key.substring(0, key.lastIndexOf(' ')),
                        key.substring(key.lastIndexOf(' ') + 1),
                        List.copyOf(violations.get(key))))
                .toList();
        return new AccessibilityCheck.Result(
                LocalDate.now(ZoneId.of("Europe/Helsinki")).toString(),
                "axe-core",
                String.join(", ", versions),
                Axe.WCAG,
                rules.size(),
                List.copyOf(widths),
                List.of("fi", "sv", "en").stream().filter(languages::contains).toList(),
                keyboard,
                pages);
    }

    /**
     * Writes the record when {@code hyte.axe.record} is true; otherwise asserts that the checked-in
     * one agrees with this run (all but the date).
     */
    void verifyOrWrite(boolean keyboard) {
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        AccessibilityCheck.Result now = result(keyboard);
        try {
            if (Boolean.getBoolean("hyte.axe.record")) {
                Files.writeString(FILE, json.writeValueAsString(now) + "\n");
                return;
            }
            String stale = "The accessibility statement's record " + FILE + " does not match this run's axe results;"
                    + " refresh it with: " + REFRESH;
            assertThat(Files.exists(FILE)).as(stale).isTrue();
            AccessibilityCheck.Result recorded =
                    json.readValue(Files.readString(FILE), AccessibilityCheck.Result.class);
            assertThat(withoutDate(recorded)).as(stale).isEqualTo(withoutDate(now));
            // No check of the record's age: a build must not turn red with the calendar alone. The
            // record's date is the day it was written; every run of this test re-proves it holds.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AccessibilityCheck.Result withoutDate(AccessibilityCheck.Result r) {
        return new AccessibilityCheck.Result(
                "",
                r.tool(),
                r.axeVersion(),
                r.standard(),
                r.rulesRun(),
                r.widths(),
                r.languages(),
                r.keyboard(),
                r.pages());
    }
}
