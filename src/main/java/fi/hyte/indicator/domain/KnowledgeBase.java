package fi.hyte.indicator.domain;

import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.indicator.domain.IndicatorAnalysis.Gap;
import fi.hyte.platform.OrganisationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what the coordinator's pages show: the overview of the indicator set and one indicator. */
@Service
@Transactional(readOnly = true)
public class KnowledgeBase {

    private final Indicators indicators;
    private final IndicatorValues values;
    private final IndicatorSets sets;
    private final Comparisons comparisons;
    private final IndicatorRegions regions;
    private final IndicatorPageCache cache;

    KnowledgeBase(
            Indicators indicators,
            IndicatorValues values,
            IndicatorSets sets,
            Comparisons comparisons,
            IndicatorRegions regions,
            IndicatorPageCache cache) {
        this.indicators = indicators;
        this.values = values;
        this.sets = sets;
        this.comparisons = comparisons;
        this.regions = regions;
        this.cache = cache;
    }

    /** One indicator of the set with its analysis (total gender). */
    public record Row(IndicatorSets.Item item, Indicator indicator, Analysis analysis) {}

    /** A large gap the inequality lens brings up, with its indicator. */
    public record LensEntry(Indicator indicator, Gap gap) {}

    /**
     * @param withoutOwnData rows whose own region has no value at all
     * @param withOwnData when most rows have no own data: indicators outside the set that do have
     *     the own region's values (a county's set is often built of municipal indicators)
     */
    public record Overview(
            ComparisonSet comparisons,
            Map<AgeGroup, List<Row>> groups,
            List<LensEntry> lens,
            int size,
            int withoutOwnData,
            List<Indicator> withOwnData) {}

    /** Suggested indicators with own data, at most this many. */
    static final int OWN_DATA_SUGGESTIONS = 8;

    /** The set's indicators in the overview's order (by age group, then as the set lists them), values unread. */
    public List<Indicator> setIndicators(OrganisationId organisation) {
        List<IndicatorSets.Item> items = sets.of(organisation);
        Map<Integer, Indicator> byId =
                indicators
                        .findAll(
                                organisation,
                                items.stream()
                                        .map(IndicatorSets.Item::indicatorId)
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(Indicator::id, Function.identity()));
        Map<AgeGroup, List<Indicator>> groups = new EnumMap<>(AgeGroup.class);
        for (IndicatorSets.Item item : items) {
            Indicator indicator = byId.get(item.indicatorId());
            if (indicator != null) {
                groups.computeIfAbsent(item.ageGroup(), g -> new ArrayList<>()).add(indicator);
            }
        }
        return groups.values().stream().flatMap(List::stream).toList();
    }

    public Overview overview(OrganisationId organisation) {
        ComparisonSet set = comparisons.of(organisation);
        List<IndicatorSets.Item> items = sets.of(organisation);
        Map<Integer, Indicator> byId =
                indicators
                        .findAll(
                                organisation,
                                items.stream()
                                        .map(IndicatorSets.Item::indicatorId)
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(Indicator::id, Function.identity()));
        Map<Integer, List<IndicatorValue>> valuesById = values.of(byId.keySet(), set.ids(), null, null, null).stream()
                .collect(Collectors.groupingBy(IndicatorValue::indicatorId));
        Map<Integer, IndicatorRegion> municipalities = municipalitiesOf(set);
        Map<Integer, List<IndicatorValue>> municipalValues = municipalities.isEmpty()
                ? Map.of()
                : values.of(byId.keySet(), municipalities.keySet(), null, null, null).stream()
                        .collect(Collectors.groupingBy(IndicatorValue::indicatorId));
        Map<AgeGroup, List<Row>> groups = new EnumMap<>(AgeGroup.class);
        List<LensEntry> lens = new ArrayList<>();
        int withoutOwnData = 0;
        for (IndicatorSets.Item item : items) {
            Indicator indicator = byId.get(item.indicatorId());
            if (indicator == null) {
                continue;
            }
            Analysis analysis = IndicatorAnalysis.analyse(
                    indicator,
                    indicator.preferredGender(),
                    set,
                    valuesById.getOrDefault(indicator.id(), List.of()),
                    municipalValues.getOrDefault(indicator.id(), List.of()),
                    municipalities);
            if (analysis.own() == null) {
                withoutOwnData++;
            }
            groups.computeIfAbsent(item.ageGroup(), g -> new ArrayList<>()).add(new Row(item, indicator, analysis));
            analysis.gaps().stream().filter(Gap::large).forEach(g -> lens.add(new LensEntry(indicator, g)));
        }
        lens.sort(Comparator.comparing((LensEntry e) -> e.gap().relative()).reversed());
        List<Indicator> withOwnData = List.of();
        if (set.own() != null && items.size() > 0 && withoutOwnData * 2 > items.size()) {
            List<Integer> inSet =
                    items.stream().map(IndicatorSets.Item::indicatorId).toList();
            withOwnData =
                    indicators
                            .findAll(
                                    organisation,
                                    values.indicatorsWithValues(set.own().id(), inSet, OWN_DATA_SUGGESTIONS))
                            .stream()
                            .sorted(Comparator.comparing(i -> i.title().fi()))
                            .toList();
        }
        return new Overview(set, groups, lens, items.size(), withoutOwnData, withOwnData);
    }

    /** A county's (or region's) own municipalities by id; empty for a municipality. */
    private Map<Integer, IndicatorRegion> municipalitiesOf(ComparisonSet set) {
        if (!set.comparesMunicipalities()) {
            return Map.of();
        }
        return regions.municipalitiesIn(set.own().id()).stream()
                .collect(Collectors.toMap(IndicatorRegion::id, Function.identity()));
    }

    /** The indicator page: its analysis for the chosen gender, with ranks in the county. */
    public Optional<Analysis> indicator(OrganisationId organisation, int id, Optional<Gender> gender) {
        return indicators.find(organisation, id).map(indicator -> indicator(organisation, indicator, gender));
    }

    /**
     * As above, for an indicator the caller has already found visible to the organisation. Without
     * a chosen gender it opens on the indicator's preferred one, or, when the own region has no
     * values of that (a local indicator of one gender only), on a gender that has them. Kept in
     * {@link IndicatorPageCache} by the indicator's last import batch, read here before the values.
     */
    public Analysis indicator(OrganisationId organisation, Indicator indicator, Optional<Gender> gender) {
        ComparisonSet set = comparisons.of(organisation);
        long batch = values.lastBatch(indicator.id());
        return cache.analysis(
                new IndicatorPageCache.Key(organisation, indicator, gender.orElse(null), set, batch),
                () -> analyse(indicator, gender, set));
    }

    private Analysis analyse(Indicator indicator, Optional<Gender> gender, ComparisonSet set) {
        int id = indicator.id();
        List<IndicatorValue> own = values.of(List.of(id), set.ids(), null, null, null);
        Gender chosen = gender.orElseGet(() -> openingGender(indicator, set, own));
        List<IndicatorValue> county = List.of();
        Map<Integer, IndicatorRegion> municipalities = municipalitiesOf(set);
        if (!municipalities.isEmpty()) {
            county = values.of(List.of(id), municipalities.keySet(), List.of(chosen), null, null);
        } else if (set.county() != null) {
            county = values.of(
                    List.of(id),
                    regions.municipalitiesIn(set.county().id()).stream()
                            .map(IndicatorRegion::id)
                            .toList(),
                    List.of(chosen),
                    null,
                    null);
        }
        return IndicatorAnalysis.analyse(indicator, chosen, set, own, county, municipalities);
    }

    static Gender openingGender(Indicator indicator, ComparisonSet set, List<IndicatorValue> values) {
        Gender preferred = indicator.preferredGender();
        Integer ownRegion = set.own() == null ? null : set.own().id();
        List<Gender> withValues = values.stream()
                .filter(v -> v.value() != null && (ownRegion == null || v.regionId() == ownRegion))
                .map(IndicatorValue::gender)
                .distinct()
                .sorted()
                .toList();
        return withValues.isEmpty() || withValues.contains(preferred) ? preferred : withValues.get(0);
    }
}
