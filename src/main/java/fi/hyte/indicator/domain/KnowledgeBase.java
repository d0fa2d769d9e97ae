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

    public record Overview(
            ComparisonSet comparisons, Map<AgeGroup, List<Row>> groups, List<LensEntry> lens, int size) {}

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
        Map<AgeGroup, List<Row>> groups = new EnumMap<>(AgeGroup.class);
        List<LensEntry> lens = new ArrayList<>();
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
                    null);
            groups.computeIfAbsent(item.ageGroup(), g -> new ArrayList<>()).add(new Row(item, indicator, analysis));
            analysis.gaps().stream().filter(Gap::large).forEach(g -> lens.add(new LensEntry(indicator, g)));
        }
        lens.sort(Comparator.comparing((LensEntry e) -> e.gap().relative()).reversed());
        return new Overview(set, groups, lens, items.size());
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
        if (set.county() != null) {
            county = values.of(
                    List.of(id),
                    regions.municipalitiesIn(set.county().id()).stream()
                            .map(IndicatorRegion::id)
                            .toList(),
                    List.of(chosen),
                    null,
                    null);
        }
        return IndicatorAnalysis.analyse(indicator, chosen, set, own, county);
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
