package fi.hyte.maturity.domain;

import fi.hyte.maturity.domain.Evidence.Observation;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.GroupComposition;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.PlanCounts;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Derives, for each criterion of the Promeq model, a suggested level from what Hyte already knows,
 * so that the self-assessment can be set beside observable facts. The rules are written in
 * docs/maturity-evidence.md: the strategy criterion from the wellbeing group, the other four from
 * the wellbeing plan of today's council term (through {@link PlanCatalog}). Without a plan they say
 * so and suggest nothing rather than guess.
 */
@Component
public class MaturityEvidence {

    public static final List<String> FROM_PLAN_CRITERIA = List.of("collaboration", "goals", "concept", "inequality");

    private final OrganisationCatalog organisations;
    private final PlanCatalog plans;
    private final ZoneId zone;

    MaturityEvidence(OrganisationCatalog organisations, PlanCatalog plans, @Value("${hyte.time-zone}") String zone) {
        this.organisations = organisations;
        this.plans = plans;
        this.zone = ZoneId.of(zone);
    }

    /** Every criterion's evidence, read once: criterion key → evidence. */
    public Map<String, Evidence> of(OrganisationId organisation, List<String> criteria) {
        Optional<PlanCounts> plan = plans.counts(organisation, LocalDate.now(zone));
        Map<String, Evidence> found = new LinkedHashMap<>();
        for (String criterion : criteria) {
            found.put(criterion, of(organisation, criterion, plan));
        }
        return found;
    }

    private Evidence of(OrganisationId organisation, String criterion, Optional<PlanCounts> plan) {
        if (criterion.equals("strategy")) {
            return strategy(organisations.groupComposition(organisation));
        }
        if (!FROM_PLAN_CRITERIA.contains(criterion)) {
            return Evidence.noDataYet("evidence.unknownCriterion");
        }
        return plan.map(counts -> fromPlan(criterion, counts)).orElseGet(() -> Evidence.noDataYet("evidence.noPlan"));
    }

    static Evidence strategy(GroupComposition group) {
        List<Observation> observations = new ArrayList<>();
        if (!group.exists()) {
            observations.add(new Observation("evidence.noGroup"));
            return new Evidence(1, observations, null);
        }
        observations.add(new Observation("evidence.groupSectors", group.sectorsRepresented(), group.sectors()));
        observations.add(new Observation(
                "evidence.outsideKinds", group.outsidePartyKinds().size()));
        int level;
        boolean allSectors = group.sectors() > 0 && group.sectorsRepresented() == group.sectors();
        if (allSectors && group.outsidePartyKinds().size() >= 2) {
            level = 4;
        } else if (allSectors) {
            level = 3;
        } else {
            level = 2;
        }
        return new Evidence(level, observations, null);
    }

    static Evidence fromPlan(String criterion, PlanCounts counts) {
        return switch (criterion) {
            case "collaboration" -> collaboration(counts);
            case "goals" -> goals(counts);
            case "concept" -> concept(counts);
            case "inequality" -> inequality(counts);
            default -> Evidence.noDataYet("evidence.unknownCriterion");
        };
    }

    /** The share of measures with partner sectors or outside partners: under 10 % → 1, 30 % → 2, 60 % → 3, else 4. */
    static Evidence collaboration(PlanCounts c) {
        if (c.measures() == 0) {
            return new Evidence(1, List.of(new Observation("evidence.noMeasures")), null);
        }
        int percent = percent(c.sharedMeasures(), c.measures());
        int level = percent < 10 ? 1 : percent < 30 ? 2 : percent < 60 ? 3 : 4;
        return new Evidence(
                level,
                List.of(new Observation("evidence.sharedMeasures", c.sharedMeasures(), c.measures(), percent)),
                null);
    }

    /**
     * No goals → 1; fewer than half with both measures and indicators → 2; most with both → 3; most
     * also with a target on every indicator and the year's evaluation → 4.
     */
    static Evidence goals(PlanCounts c) {
        if (c.goals() == 0) {
            return new Evidence(1, List.of(new Observation("evidence.noGoals")), null);
        }
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation("evidence.goalsWithMeasures", c.goalsWithMeasures(), c.goals()));
        observations.add(new Observation("evidence.goalsWithIndicators", c.goalsWithIndicators(), c.goals()));
        observations.add(new Observation("evidence.goalsWithTargets", c.goalsWithTargets(), c.goals()));
        if (c.evaluationYear() != null) {
            observations.add(
                    new Observation("evidence.goalsEvaluated", c.goalsEvaluated(), c.goals(), c.evaluationYear()));
        }
        int level;
        if (!most(c.goalsWithMeasuresAndIndicators(), c.goals())) {
            level = 2;
        } else if (most(c.goalsComplete(), c.goals())) {
            level = 4;
        } else {
            level = 3;
        }
        return new Evidence(level, observations, null);
    }

    /** The number of the organisation's wellbeing dimensions the goals cover, 1–4 (none → 1). */
    static Evidence concept(PlanCounts c) {
        int level = Math.max(1, Math.min(4, c.dimensionsCovered()));
        return new Evidence(
                level,
                List.of(new Observation("evidence.dimensionsCovered", c.dimensionsCovered(), c.dimensions())),
                null);
    }

    /**
     * No goal with an inequality focus → 1; some → 2; most → 3; most, and most of those followed by
     * an indicator with a gender breakdown → 4.
     */
    static Evidence inequality(PlanCounts c) {
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation("evidence.inequalityGoals", c.inequalityGoals(), c.goals()));
        if (c.inequalityGoals() > 0) {
            observations.add(new Observation(
                    "evidence.inequalityBrokenDown", c.inequalityGoalsBrokenDown(), c.inequalityGoals()));
        }
        int level;
        if (c.inequalityGoals() == 0) {
            level = 1;
        } else if (!most(c.inequalityGoals(), c.goals())) {
            level = 2;
        } else if (most(c.inequalityGoalsBrokenDown(), c.inequalityGoals())) {
            level = 4;
        } else {
            level = 3;
        }
        return new Evidence(level, observations, null);
    }

    /** More than half. */
    static boolean most(int part, int whole) {
        return whole > 0 && 2 * part > whole;
    }

    private static int percent(int part, int whole) {
        return (int) Math.round(100.0 * part / whole);
    }
}
