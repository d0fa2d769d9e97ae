package fi.hyte.indicator;

import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
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

    IndicatorCatalog(Indicators indicators, IndicatorValues values, Comparisons comparisons) {
        this.indicators = indicators;
        this.values = values;
        this.comparisons = comparisons;
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

    /** One value of the organisation's own region; gender is total, male or female. */
    public record OwnValue(int indicatorId, String gender, int year, BigDecimal value) {}
}
