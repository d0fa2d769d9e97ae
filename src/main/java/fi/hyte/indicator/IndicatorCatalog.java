package fi.hyte.indicator;

import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorAnalysis;
import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.indicator.domain.IndicatorFigures;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.KnowledgeBase;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the knowledge base: the indicators an organisation sees (Sotkanet's
 * and its own local ones) and the values of its own region, e.g. for the targets of a wellbeing plan.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorCatalog {

    private final Indicators indicators;
    private final IndicatorValues values;
    private final Comparisons comparisons;
    private final KnowledgeBase knowledge;
    private final IndicatorFigures figures;
    private final fi.hyte.indicator.domain.IndicatorRegions regions;

    IndicatorCatalog(
            Indicators indicators,
            IndicatorValues values,
            Comparisons comparisons,
            KnowledgeBase knowledge,
            IndicatorFigures figures,
            fi.hyte.indicator.domain.IndicatorRegions regions) {
        this.regions = regions;
        this.indicators = indicators;
        this.values = values;
        this.comparisons = comparisons;
        this.knowledge = knowledge;
        this.figures = figures;
    }

    /**
     * An indicator's series for the organisation: own region, county, region, country and peers by
     * year in the chosen gender (or the gender the indicator page opens on), with the latest values,
     * the standing against the county and the country, and the gaps the inequality lens shows.
     */
    public Optional<Series> series(OrganisationId asking, int id, Optional<String> gender) {
        return indicators.find(asking, id).map(indicator -> series(analysis(asking, indicator, gender)));
    }

    /**
     * The indicator's figure as its page shows it, in the reader's language: the chart as SVG with
     * its description, the regions left to the table, and the data table (formatted cells), plus
     * the source to cite.
     */
    public Optional<Figure> figure(OrganisationId asking, int id, Optional<String> gender, Locale locale) {
        return indicators.find(asking, id).map(indicator -> {
            Analysis analysis = analysis(asking, indicator, gender);
            IndicatorFigures.Figures shown = figures.of(analysis, locale);
            List<TableRow> rows = shown.table().stream()
                    .map(r -> new TableRow(r.region().title(), r.role(), r.cells()))
                    .toList();
            return new Figure(
                    info(indicator),
                    analysis.gender().code(),
                    shown.chart(),
                    shown.genderChart(),
                    shown.description(),
                    shown.leftOut(),
                    shown.years(),
                    rows,
                    indicator.source(),
                    values.provenance(id).map(p -> p.licence()).orElse(null),
                    values.provenance(id).map(p -> p.retrievedAt()).orElse(null));
        });
    }

    /**
     * An indicator's series and its figure in each of the given languages, from one reading of its
     * values: what {@link #series} and {@link #figure} give, for a caller that wants both (a report
     * composed in three languages reads the values once, not six times).
     */
    public Optional<Figures> figures(
            OrganisationId asking, int id, Optional<String> gender, Collection<Locale> locales) {
        return indicators.find(asking, id).map(indicator -> {
            Analysis analysis = analysis(asking, indicator, gender);
            Optional<fi.hyte.indicator.domain.IndicatorValues.Provenance> provenance = values.provenance(id);
            String licence = provenance.map(p -> p.licence()).orElse(null);
            java.time.OffsetDateTime retrieved =
                    provenance.map(p -> p.retrievedAt()).orElse(null);
            Map<String, Figure> byLanguage = new java.util.LinkedHashMap<>();
            for (Locale locale : locales) {
                IndicatorFigures.Figures shown = figures.of(analysis, locale);
                List<TableRow> rows = shown.table().stream()
                        .map(r -> new TableRow(r.region().title(), r.role(), r.cells()))
                        .toList();
                byLanguage.put(
                        locale.getLanguage(),
                        new Figure(
                                info(indicator),
                                analysis.gender().code(),
                                shown.chart(),
                                shown.genderChart(),
                                shown.description(),
                                shown.leftOut(),
                                shown.years(),
                                rows,
                                indicator.source(),
                                licence,
                                retrieved));
            }
            return new Figures(series(analysis), Map.copyOf(byLanguage));
        });
    }

    /** An indicator's series with its figure by language code (fi, sv, en). */
    public record Figures(Series series, Map<String, Figure> byLanguage) {}

    /**
     * The indicators of the organisation's set, in the order of {@link #setOverview} (by age group),
     * without reading their values: for a list to choose from.
     */
    public List<IndicatorInfo> setIndicators(OrganisationId asking) {
        return knowledge.setIndicators(asking).stream()
                .map(IndicatorCatalog::info)
                .toList();
    }

    /** The organisation's indicator set: each indicator with its age group, theme and series. */
    public SetOverview setOverview(OrganisationId asking) {
        KnowledgeBase.Overview overview = knowledge.overview(asking);
        List<SetItem> items = new ArrayList<>();
        overview.groups()
                .forEach((group, rows) -> rows.forEach(row ->
                        items.add(new SetItem(group.name(), row.item().theme().name(), series(row.analysis())))));
        List<GapInfo> lens = overview.lens().stream()
                .map(e -> gap(e.indicator().id(), e.gap()))
                .toList();
        return new SetOverview(items, lens);
    }

    /** The large gaps of the organisation's set, largest first: between genders, or to the best and worst region. */
    public List<GapInfo> inequalityGaps(OrganisationId asking) {
        return setOverview(asking).lens();
    }

    private Analysis analysis(OrganisationId asking, Indicator indicator, Optional<String> gender) {
        return knowledge.indicator(
                asking,
                indicator,
                gender.filter(g -> !g.isBlank()).flatMap(Gender::parse).filter(indicator.genders()::contains));
    }

    private static Series series(Analysis a) {
        List<RegionValues> regions = a.series().stream()
                .map(s ->
                        new RegionValues(s.region().id(), s.region().title(), s.role(), s.byYear(), latest(s.latest())))
                .toList();
        return new Series(
                info(a.indicator()),
                a.gender().code(),
                a.years(),
                regions,
                latest(a.own()),
                a.againstCounty(),
                a.countyCompared() == null ? null : a.countyCompared().title(),
                a.againstCountry(),
                a.gaps().stream().map(g -> gap(a.indicator().id(), g)).toList(),
                a.missingRecent());
    }

    private static LatestValue latest(IndicatorAnalysis.Latest l) {
        if (l == null) {
            return null;
        }
        IndicatorAnalysis.Change c = l.sincePrevious();
        return new LatestValue(l.year(), l.value(), c == null ? null : c.fromYear(), c == null ? null : c.difference());
    }

    private static GapInfo gap(int indicator, IndicatorAnalysis.Gap g) {
        return new GapInfo(
                indicator,
                g.kind(),
                g.year(),
                g.difference(),
                g.relative(),
                g.other() == null ? null : g.other().title(),
                g.large());
    }

    /**
     * For a wellbeing services county: each of its municipalities' values of the indicator by year,
     * in one gender (total unless asked), with each municipality's latest value. Empty when the
     * organisation is not a county or does not see the indicator.
     */
    public Optional<MemberSeries> members(OrganisationId asking, int id, Optional<String> gender) {
        Optional<IndicatorRegion> own = comparisons.ownRegion(asking);
        if (own.isEmpty() || !"HYVINVOINTIALUE".equals(own.get().category())) {
            return Optional.empty();
        }
        return indicators.find(asking, id).map(indicator -> {
            Gender wanted = gender.flatMap(Gender::parse)
                    .filter(indicator.genders()::contains)
                    .orElse(Gender.TOTAL);
            List<IndicatorRegion> municipalities =
                    regions.municipalitiesIn(own.get().id());
            Map<Integer, java.util.TreeMap<Integer, BigDecimal>> byRegion = new java.util.HashMap<>();
            values
                    .of(
                            List.of(id),
                            municipalities.stream().map(IndicatorRegion::id).toList(),
                            List.of(wanted),
                            null,
                            null)
                    .stream()
                    .filter(v -> v.value() != null)
                    .forEach(v -> byRegion.computeIfAbsent(v.regionId(), r -> new java.util.TreeMap<>())
                            .put(v.year(), v.value()));
            List<RegionValues> rows = municipalities.stream()
                    .map(m -> {
                        java.util.TreeMap<Integer, BigDecimal> years =
                                byRegion.getOrDefault(m.id(), new java.util.TreeMap<>());
                        LatestValue latest = null;
                        if (!years.isEmpty()) {
                            Map.Entry<Integer, BigDecimal> last = years.lastEntry();
                            Map.Entry<Integer, BigDecimal> before = years.lowerEntry(last.getKey());
                            latest = new LatestValue(
                                    last.getKey(),
                                    last.getValue(),
                                    before == null ? null : before.getKey(),
                                    before == null ? null : last.getValue().subtract(before.getValue()));
                        }
                        return new RegionValues(m.id(), m.title(), "member", Map.copyOf(years), latest);
                    })
                    .toList();
            return new MemberSeries(info(indicator), wanted.code(), rows);
        });
    }

    /** A county's municipalities' values of one indicator; role of each region is "member". */
    public record MemberSeries(IndicatorInfo indicator, String gender, List<RegionValues> municipalities) {}

    /**
     * A number that changes whenever values of any of these indicators are imported or refreshed
     * (the sum of their last import batches), e.g. for the ETag of a public page showing them; only
     * indicators the organisation sees count.
     */
    public long dataVersion(OrganisationId asking, Collection<Integer> ids) {
        return indicators.batchSum(asking, ids);
    }

    public Optional<IndicatorInfo> find(OrganisationId asking, int id) {
        return indicators.find(asking, id).map(IndicatorCatalog::info);
    }

    public List<IndicatorInfo> findAll(OrganisationId asking, Collection<Integer> ids) {
        return indicators.findAll(asking, ids).stream()
                .map(IndicatorCatalog::info)
                .toList();
    }

    /** One of the organisation's own (local) indicators by its code, in any letter case. */
    public Optional<IndicatorInfo> findLocal(OrganisationId organisation, String code) {
        return indicators.findLocal(organisation, code).map(IndicatorCatalog::info);
    }

    /** Titles containing every word (any language), or a Sotkanet id. */
    public List<IndicatorInfo> search(OrganisationId asking, String words, int limit) {
        return indicators.search(asking, words, limit).stream()
                .map(IndicatorCatalog::info)
                .toList();
    }

    /**
     * The organisation's own region's values of these indicators from a year on, every gender; only
     * indicators the organisation sees. Empty when the organisation stands for no official region.
     */
    public List<OwnValue> ownValues(OrganisationId asking, Collection<Integer> ids, int fromYear) {
        Optional<IndicatorRegion> own = comparisons.ownRegion(asking);
        if (own.isEmpty() || ids.isEmpty()) {
            return List.of();
        }
        List<Integer> visible =
                indicators.findAll(asking, ids).stream().map(Indicator::id).toList();
        return values.of(visible, List.of(own.get().id()), null, fromYear, null).stream()
                .filter(v -> v.value() != null)
                .map(v -> new OwnValue(v.indicatorId(), v.gender().code(), v.year(), v.value()))
                .toList();
    }

    /**
     * Of these indicators that the organisation sees, those that got new or changed values (an
     * import or a Sotkanet refresh) after {@code since}: "new data" in a person's weekly digest.
     */
    public java.util.Set<Integer> updatedSince(
            OrganisationId asking, Collection<Integer> ids, java.time.Instant since) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        List<Integer> visible =
                indicators.findAll(asking, ids).stream().map(Indicator::id).toList();
        return values.changedSince(visible, since);
    }

    private static IndicatorInfo info(Indicator i) {
        return new IndicatorInfo(
                i.id(),
                i.isLocal() ? i.code() : String.valueOf(i.id()),
                i.title(),
                i.unit(),
                i.decimals(),
                i.direction().name(),
                i.isLocal(),
                i.genders().stream().map(Gender::code).toList());
    }

    /**
     * An indicator as other modules see it.
     *
     * @param code Sotkanet's id as text, or a local indicator's own code
     * @param direction HIGHER_IS_BETTER, HIGHER_IS_WORSE or NEUTRAL (Hyte's judgement)
     * @param genders total, male, female: the breakdowns the indicator has
     */
    public record IndicatorInfo(
            int id,
            String code,
            LocalizedText title,
            LocalizedText unit,
            Integer decimals,
            String direction,
            boolean local,
            List<String> genders) {}

    /**
     * An indicator's series as other modules see them. {@code judgement}s: +1 better, −1 worse, 0
     * the same; ±2 higher or lower where the better direction is not judged; null without data.
     */
    public record Series(
            IndicatorInfo indicator,
            String gender,
            List<Integer> years,
            List<RegionValues> regions,
            LatestValue own,
            Integer againstCounty,
            LocalizedText countyCompared,
            Integer againstCountry,
            List<GapInfo> gaps,
            boolean missingRecent) {}

    /** One region's values by year; role own, county, region, country or peer. */
    public record RegionValues(
            int regionId, LocalizedText title, String role, Map<Integer, BigDecimal> byYear, LatestValue latest) {}

    /** The latest value, and the change from the previous year with a value (null when there is none). */
    public record LatestValue(int year, BigDecimal value, Integer previousYear, BigDecimal change) {}

    /** A gap of the inequality lens: kind gender, best or worst region; relative is a share (0.25). */
    public record GapInfo(
            int indicatorId,
            String kind,
            int year,
            BigDecimal difference,
            BigDecimal relative,
            LocalizedText other,
            boolean large) {}

    /**
     * The figure of an indicator: charts as SVG (null without years; the gender chart null without
     * a breakdown), the description that is also the chart's text alternative, and the data table.
     */
    public record Figure(
            IndicatorInfo indicator,
            String gender,
            String chart,
            String genderChart,
            String description,
            List<String> leftOut,
            List<Integer> years,
            List<TableRow> table,
            LocalizedText source,
            String licence,
            java.time.OffsetDateTime retrievedAt) {}

    /** A row of the data table: region, role and the year cells already formatted ("" for no value). */
    public record TableRow(LocalizedText region, String role, List<String> cells) {}

    /** The set with each indicator's series, and the inequality lens. */
    public record SetOverview(List<SetItem> items, List<GapInfo> lens) {}

    /** An indicator of the set: age group and theme names (CHILDREN …, e.g. MENTAL_HEALTH …). */
    public record SetItem(String ageGroup, String theme, Series series) {}

    /** One value of the organisation's own region; gender is total, male or female. */
    public record OwnValue(int indicatorId, String gender, int year, BigDecimal value) {}
}
