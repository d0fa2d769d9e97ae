package fi.hyte.indicator.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.platform.OrganisationId;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The indicator page's analyses, kept in memory so that a page opened again reads no values.
 *
 * <p>The key holds everything the analysis is computed from, as read from PostgreSQL in the same
 * request: the organisation, the indicator as stored (its direction, genders and decimals), the
 * gender, the organisation's comparison set, and the indicator's last import batch. Every import and
 * every Sotkanet refresh that adds or changes values of an indicator gives it a new batch id
 * ({@code indicator.last_batch_id}, set in {@link ValueImport} in the same transaction as the values),
 * so the key changes on every node at once: nothing is invalidated by messages, an entry of old
 * values is just never asked for again and ages out. The batch id must be read before the values
 * (see {@link KnowledgeBase#indicator}): then values newer than their key can be stored, values
 * older than it cannot.
 *
 * <p>Bounded by the number of values held (an analysis of 8 regions × 40 years × 3 genders holds
 * about 1,000), {@code hyte.indicators.cache-values}, 250,000 by default (some 25 MB).
 */
@Component
public class IndicatorPageCache {

    record Key(
            OrganisationId organisation, Indicator indicator, Gender gender, ComparisonSet comparisons, long batch) {}

    private final Cache<Key, Analysis> analyses;
    private volatile boolean enabled;

    IndicatorPageCache(@Value("${hyte.indicators.cache-values:250000}") long maximumValues) {
        this.analyses = Caffeine.newBuilder()
                .maximumWeight(maximumValues)
                .weigher((Key key, Analysis analysis) -> weight(analysis))
                .build();
        this.enabled = maximumValues > 0;
    }

    Analysis analysis(Key key, Supplier<Analysis> compute) {
        if (!enabled) {
            return compute.get();
        }
        return analyses.get(key, k -> compute.get());
    }

    /**
     * Changes the bound while running; 0 turns the cache off and empties it (how the benchmark
     * measures the page without it in the same run).
     */
    public void limit(long maximumValues) {
        enabled = maximumValues > 0;
        analyses.policy().eviction().ifPresent(e -> e.setMaximum(Math.max(0, maximumValues)));
        if (!enabled) {
            analyses.invalidateAll();
        }
        ChartCache.limit(enabled ? ChartCache.DEFAULT_CHARACTERS : 0);
    }

    /** How many analyses are held (for tests and the benchmark). */
    public long size() {
        analyses.cleanUp();
        return analyses.estimatedSize();
    }

    private static int weight(Analysis analysis) {
        int values = 1;
        for (IndicatorAnalysis.RegionSeries s : analysis.series()) {
            values += s.byYear().size();
        }
        for (var byYear : analysis.ownByGender().values()) {
            values += byYear.size();
        }
        return values;
    }
}
