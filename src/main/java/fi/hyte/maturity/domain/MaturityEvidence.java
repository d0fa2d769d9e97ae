package fi.hyte.maturity.domain;

import fi.hyte.impact.ImpactCatalog;
import fi.hyte.maturity.domain.Evidence.Observation;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.GroupComposition;
import fi.hyte.participation.ParticipationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.PlanCounts;
import fi.hyte.platform.OrganisationId;
import java.time.Instant;
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
 * the wellbeing plan of today's council term (through {@link PlanCatalog}). Residents' participation
 * ({@link ParticipationCatalog}: consultations answered and concluded, councils heard) adjusts the
 * first two, and the share of key decisions assessed before the decision ({@link ImpactCatalog})
 * the third. Without a plan they say so and suggest nothing rather than guess.
 */
@Component
public class MaturityEvidence {

    public static final List<String> FROM_PLAN_CRITERIA = List.of("collaboration", "goals", "concept", "inequality");

    private final OrganisationCatalog organisations;
    private final PlanCatalog plans;
    private final ParticipationCatalog participation;
    private final ImpactCatalog impact;
    private final ZoneId zone;

    MaturityEvidence(
            OrganisationCatalog organisations,
            PlanCatalog plans,
            ParticipationCatalog participation,
            ImpactCatalog impact,
            @Value("${hyte.time-zone}") String zone) {
        this.organisations = organisations;
        this.plans = plans;
        this.participation = participation;
        this.impact = impact;
        this.zone = ZoneId.of(zone);
    }

    /** Years of consultations and decisions that count: about one council term. */
    static final int YEARS = 4;

    /**
     * Residents heard in the last four years: the published consultations that have closed, how
     * many of them are concluded, their items (comments, themes, councils' statements) with
     * residents' feedback on measures and how many are answered, and the councils invited and heard.
     */
    public record Heard(int closed, int concluded, int items, int answered, int councilsInvited, int councilsHeard) {

        int percent() {
            return items == 0 ? 100 : (int) Math.round(100.0 * answered / items);
        }
    }

    /** Decided cases whose rules said an assessment is required, and those assessed before the decision. */
    public record Assessed(int fromYear, int toYear, long required, long assessed) {}

    /** Every criterion's evidence, read once: criterion key → evidence. */
    public Map<String, Evidence> of(OrganisationId organisation, List<String> criteria) {
        LocalDate today = LocalDate.now(zone);
        Optional<PlanCounts> plan = plans.counts(organisation, today);
        Heard heard = heard(participation.answerRates(organisation), today);
        Assessed assessed = assessed(organisation, today.getYear());
        Map<String, Evidence> found = new LinkedHashMap<>();
        for (String criterion : criteria) {
            found.put(criterion, of(organisation, criterion, plan, heard, assessed));
        }
        return found;
    }

    private Evidence of(
            OrganisationId organisation, String criterion, Optional<PlanCounts> plan, Heard heard, Assessed assessed) {
        if (criterion.equals("strategy")) {
            return strategy(organisations.groupComposition(organisation), heard);
        }
        if (!FROM_PLAN_CRITERIA.contains(criterion)) {
            return Evidence.noDataYet("evidence.unknownCriterion");
        }
        return plan.map(counts -> switch (criterion) {
                    case "collaboration" -> collaboration(counts, heard);
                    case "goals" -> goals(counts, assessed);
                    default -> fromPlan(criterion, counts);
                })
                .orElseGet(() -> Evidence.noDataYet("evidence.noPlan"));
    }

    private Heard heard(ParticipationCatalog.AnswerRates rates, LocalDate today) {
        Instant now = Instant.now();
        Instant since = today.minusYears(YEARS).atStartOfDay(zone).toInstant();
        List<ParticipationCatalog.ConsultationRate> closed = rates.consultations().stream()
                .filter(c -> c.published()
                        && !c.closesAt().isAfter(now)
                        && c.closesAt().isAfter(since))
                .toList();
        return new Heard(
                closed.size(),
                (int) closed.stream().filter(c -> c.concludedAt() != null).count(),
                closed.stream()
                                .mapToInt(ParticipationCatalog.ConsultationRate::items)
                                .sum()
                        + rates.feedback(),
                closed.stream()
                                .mapToInt(ParticipationCatalog.ConsultationRate::answered)
                                .sum()
                        + rates.feedbackAnswered(),
                closed.stream()
                        .mapToInt(ParticipationCatalog.ConsultationRate::councilsInvited)
                        .sum(),
                closed.stream()
                        .mapToInt(ParticipationCatalog.ConsultationRate::councilsHeard)
                        .sum());
    }

    /** This year's and last year's decided cases (the year so far alone is often empty). */
    private Assessed assessed(OrganisationId organisation, int year) {
        long required = 0;
        long assessed = 0;
        for (int y = year - 1; y <= year; y++) {
            ImpactCatalog.Share share = impact.shareAssessed(organisation, y);
            required += share.required();
            assessed += share.assessed();
        }
        return new Assessed(year - 1, year, required, assessed);
    }

    /**
     * The group's level, then residents' part: when consultations have closed and fewer than half
     * of their items are answered, at most 2 (residents were asked and not answered); a level 3
     * becomes 4 when a consultation was concluded and at least one council gave its statement.
     */
    static Evidence strategy(GroupComposition group, Heard heard) {
        Evidence base = strategy(group);
        List<Observation> observations = new ArrayList<>(base.observations());
        int level = base.suggestedLevel();
        if (heard.closed() == 0) {
            observations.add(new Observation("evidence.noConsultations", YEARS));
            return new Evidence(level, observations, null);
        }
        observations.add(new Observation("evidence.consultationsConcluded", heard.concluded(), heard.closed(), YEARS));
        observations.add(new Observation("evidence.councilsHeard", heard.councilsHeard(), heard.councilsInvited()));
        if (heard.percent() < 50) {
            level = Math.min(level, 2);
            observations.add(
                    new Observation("evidence.residentsAnswered", heard.answered(), heard.items(), heard.percent()));
        } else if (level == 3 && heard.concluded() > 0 && heard.councilsHeard() > 0) {
            level = 4;
        }
        return new Evidence(level, observations, null);
    }

    /**
     * The measures' level, held down by the share of residents' items answered (consultations that
     * have closed in four years, and feedback on measures): under 50 % at most 2, under 90 % at most 3.
     * Without such items, the plan alone decides.
     */
    static Evidence collaboration(PlanCounts counts, Heard heard) {
        Evidence base = collaboration(counts);
        if (heard.items() == 0) {
            return base;
        }
        List<Observation> observations = new ArrayList<>(base.observations());
        observations.add(
                new Observation("evidence.residentsAnswered", heard.answered(), heard.items(), heard.percent()));
        int level = base.suggestedLevel();
        if (heard.percent() < 50) {
            level = Math.min(level, 2);
        } else if (heard.percent() < 90) {
            level = Math.min(level, 3);
        }
        return new Evidence(level, observations, null);
    }

    /**
     * The goals' level, held down by the share of key decisions assessed before the decision (those
     * whose rules said an assessment is required, decided last year or this year): under 50 % at most
     * 2, under 90 % at most 3. Without such decisions the plan alone decides ("no data", never 0 %).
     */
    static Evidence goals(PlanCounts counts, Assessed assessed) {
        Evidence base = goals(counts);
        List<Observation> observations = new ArrayList<>(base.observations());
        int level = base.suggestedLevel();
        if (assessed.required() == 0) {
            observations.add(new Observation(
                    "evidence.noDecisions", String.valueOf(assessed.fromYear()), String.valueOf(assessed.toYear())));
            return new Evidence(level, observations, null);
        }
        int percent = percent((int) assessed.assessed(), (int) assessed.required());
        observations.add(new Observation(
                "evidence.decisionsAssessed",
                assessed.assessed(),
                assessed.required(),
                percent,
                String.valueOf(assessed.fromYear()),
                String.valueOf(assessed.toYear())));
        if (percent < 50) {
            level = Math.min(level, 2);
        } else if (percent < 90) {
            level = Math.min(level, 3);
        }
        return new Evidence(level, observations, null);
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
