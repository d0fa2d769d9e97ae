package fi.hyte.search;

import fi.hyte.impact.ImpactCatalog;
import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.report.ReportTitles;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Finds the organisation's own things by words: every word must appear (in any letter case, in any of
 * the three languages) in a hit's name, number or description. Only the asking organisation's plans,
 * people and bodies are read, and only the indicators it sees.
 */
@Service
public class OrganisationSearch {

    /** Hits of one kind shown at most. */
    public static final int LIMIT = 25;

    private final PlanCatalog plans;
    private final OrganisationCatalog organisations;
    private final IndicatorCatalog indicators;
    private final ReportTitles reports;
    private final ImpactCatalog impact;

    OrganisationSearch(
            PlanCatalog plans,
            OrganisationCatalog organisations,
            IndicatorCatalog indicators,
            ReportTitles reports,
            ImpactCatalog impact) {
        this.plans = plans;
        this.organisations = organisations;
        this.indicators = indicators;
        this.reports = reports;
        this.impact = impact;
    }

    /** What to look for: {@code kind} limits the search to one kind of hit, or null for all. */
    public record Query(String words, Kind kind) {}

    public enum Kind {
        PLAN,
        PEOPLE,
        BODIES,
        INDICATORS,
        REPORTS,
        CASES
    }

    /**
     * One hit: its kind (LINE, GOAL, MEASURE, PERSON, BODY, INDICATOR), the number a plan gives it
     * (L-1, T-3, TP-12; null for others), its name, a line of context (the plan, a title) and its page.
     */
    public record Hit(String kind, String ref, LocalizedText title, LocalizedText context, String path) {}

    public record Results(
            List<Hit> plan,
            List<Hit> people,
            List<Hit> bodies,
            List<Hit> indicators,
            List<Hit> reports,
            List<Hit> cases) {
        public int size() {
            return plan.size() + people.size() + bodies.size() + indicators.size() + reports.size() + cases.size();
        }
    }

    public Results search(OrganisationId asking, Query query) {
        List<String> words = words(query.words());
        if (words.isEmpty()) {
            return new Results(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        Kind kind = query.kind();
        return new Results(
                kind == null || kind == Kind.PLAN ? plan(asking, words) : List.of(),
                kind == null || kind == Kind.PEOPLE ? people(asking, words) : List.of(),
                kind == null || kind == Kind.BODIES ? bodies(asking, words) : List.of(),
                kind == null || kind == Kind.INDICATORS
                        ? indicators(asking, query.words().strip())
                        : List.of(),
                kind == null || kind == Kind.REPORTS ? reports(asking, words) : List.of(),
                kind == null || kind == Kind.CASES ? cases(asking, words) : List.of());
    }

    /** Wellbeing reports by title (in any language) or year. */
    private List<Hit> reports(OrganisationId asking, List<String> words) {
        return limit(reports.of(asking).stream()
                .filter(r -> matches(words, r.firstYear() + "–" + r.lastYear() + " " + r.lastYear(), r.title()))
                .map(r -> new Hit(
                        "REPORT",
                        r.firstYear() == r.lastYear()
                                ? String.valueOf(r.lastYear())
                                : r.firstYear() + "–" + r.lastYear(),
                        r.title(),
                        null,
                        r.path()))
                .toList());
    }

    /** Decision cases (impact assessment) by title or diary number. */
    private List<Hit> cases(OrganisationId asking, List<String> words) {
        return limit(impact.caseTitles(asking).stream()
                .filter(c -> matches(words, c.diaryNumber(), c.title()))
                .map(c -> new Hit("CASE", c.diaryNumber(), c.title(), null, c.path()))
                .toList());
    }

    private List<Hit> plan(OrganisationId asking, List<String> words) {
        List<Hit> hits = new ArrayList<>();
        for (PlanCatalog.PlanInfo info : plans.plans(asking)) {
            PlanCatalog.PlanContent content = plans.content(asking, info.id()).orElse(null);
            if (content == null) {
                continue;
            }
            LocalizedText planTitle = info.title();
            for (PlanCatalog.LineInfo line : content.lines()) {
                if (matches(words, line.ref(), line.title(), line.description())) {
                    hits.add(new Hit("LINE", line.ref(), line.title(), planTitle, "/plan/" + info.id()));
                }
                for (PlanCatalog.GoalInfo goal : line.goals()) {
                    if (matches(words, goal.ref(), goal.title(), goal.description())) {
                        hits.add(new Hit("GOAL", goal.ref(), goal.title(), planTitle, "/plan/goals/" + goal.id()));
                    }
                    for (PlanCatalog.MeasureInfo measure : goal.measures()) {
                        if (matches(words, measure.ref(), measure.title())) {
                            hits.add(new Hit(
                                    "MEASURE",
                                    measure.ref(),
                                    measure.title(),
                                    goal.title(),
                                    "/plan/measures/" + measure.id()));
                        }
                    }
                }
            }
        }
        return limit(hits);
    }

    private List<Hit> people(OrganisationId asking, List<String> words) {
        return limit(organisations.people(asking).stream()
                .filter(p -> matches(words, p.name(), p.title()))
                .map(p -> new Hit(
                        "PERSON",
                        null,
                        LocalizedText.of(p.name(), null),
                        LocalizedText.of(p.title(), null),
                        "/people/" + p.id()))
                .toList());
    }

    private List<Hit> bodies(OrganisationId asking, List<String> words) {
        return limit(organisations.bodies(asking).stream()
                .filter(b -> matches(words, null, b.name()))
                .map(b -> new Hit("BODY", null, b.name(), null, "/bodies/" + b.id()))
                .toList());
    }

    private List<Hit> indicators(OrganisationId asking, String words) {
        if (words.length() < 2) {
            return List.of();
        }
        return indicators.search(asking, words, LIMIT).stream()
                .map(i -> new Hit(
                        "INDICATOR",
                        i.local() ? i.code() : String.valueOf(i.id()),
                        i.title(),
                        null,
                        "/indicators/" + i.id()))
                .toList();
    }

    private static List<Hit> limit(List<Hit> hits) {
        return hits.size() > LIMIT ? List.copyOf(hits.subList(0, LIMIT)) : hits;
    }

    private static boolean matches(List<String> words, String ref, LocalizedText... texts) {
        StringBuilder haystack = new StringBuilder(ref == null ? "" : ref);
        for (LocalizedText text : texts) {
            if (text != null) {
                Stream.of(text.fi(), text.sv(), text.en())
                        .filter(t -> t != null)
                        .forEach(t -> haystack.append(' ').append(t));
            }
        }
        String all = fold(haystack.toString());
        return words.stream().allMatch(all::contains);
    }

    private static boolean matches(List<String> words, String first, String second) {
        String all = fold((first == null ? "" : first) + " " + (second == null ? "" : second));
        return words.stream().allMatch(all::contains);
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(fold(text).split("\\s+"))
                .filter(w -> !w.isBlank())
                .limit(8)
                .toList();
    }

    /** Lower case; a dash is a dash whichever (T-1, T–1). */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('\u2013', '-')
                .replace('\u2011', '-');
    }
}
