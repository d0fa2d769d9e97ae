package fi.hyte.plan.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.indicator.IndicatorCatalog.OwnValue;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rules of a goal's indicator target, whoever sets it (a form, an import, a copied plan): the
 * indicator must be one the organisation sees, in a gender it has, once per goal; the target year
 * comes after the baseline year; an empty baseline value is taken from the own region's value of
 * the baseline year; without a chosen direction the indicator's better direction is suggested.
 */
@Component
public class TargetRules {

    private final IndicatorCatalog indicators;

    TargetRules(IndicatorCatalog indicators) {
        this.indicators = indicators;
    }

    /** A target as entered: numbers already read, anything may be missing. */
    public record Draft(
            Integer indicatorId,
            String gender,
            Integer baselineYear,
            BigDecimal baselineValue,
            BigDecimal targetValue,
            Integer targetYear,
            TargetDirection direction) {}

    /**
     * The target to save, or the problems that keep it from being saved.
     *
     * @param problems field name → message key, in the order found
     */
    public record Checked(GoalIndicator target, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param existing the target being changed (its indicator cannot change), or {@code null} for a new one
     * @param version the version the user edited, for an existing target
     */
    public Checked check(
            OrganisationId organisation,
            PlanSnapshot plan,
            UUID goal,
            GoalIndicator existing,
            Draft draft,
            int version) {
        Map<String, String> problems = new LinkedHashMap<>();
        Integer asked = existing != null ? Integer.valueOf(existing.indicatorId()) : draft.indicatorId();
        IndicatorInfo indicator =
                asked == null ? null : indicators.find(organisation, asked).orElse(null);
        if (indicator == null) {
            problems.put("indicatorId", "plan.validation.indicator");
        } else if (!indicator.genders().isEmpty() && !indicator.genders().contains(draft.gender())) {
            problems.put("gender", "plan.validation.gender");
        }
        if (existing == null
                && indicator != null
                && plan.indicatorsOf(goal).stream()
                        .anyMatch(t ->
                                t.indicatorId() == indicator.id() && t.gender().equals(draft.gender()))) {
            problems.putIfAbsent("indicatorId", "plan.validation.indicatorTwice");
        }
        if (draft.baselineYear() != null && draft.targetYear() != null && draft.targetYear() <= draft.baselineYear()) {
            problems.put("targetYear", "plan.validation.targetYear");
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        BigDecimal baseline = draft.baselineValue();
        if (baseline == null && draft.baselineYear() != null) {
            baseline = ownValue(organisation, indicator.id(), draft.gender(), draft.baselineYear());
        }
        TargetDirection direction = draft.direction() != null
                ? draft.direction()
                : TargetDirection.suggested(indicator.direction(), baseline, draft.targetValue());
        GoalIndicator target = new GoalIndicator(
                existing == null ? null : existing.id(),
                goal,
                indicator.id(),
                draft.gender(),
                draft.baselineYear(),
                baseline,
                draft.targetValue(),
                draft.targetYear(),
                direction,
                existing == null ? 0 : version);
        return new Checked(target, Map.of());
    }

    private BigDecimal ownValue(OrganisationId organisation, int indicator, String gender, int year) {
        return indicators.ownValues(organisation, List.of(indicator), year).stream()
                .filter(v -> v.year() == year && v.gender().equals(gender))
                .map(OwnValue::value)
                .findFirst()
                .orElse(null);
    }
}
