package fi.hyte.plan.demo;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.domain.Dimension;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Example content: Kerava (demo)'s wellbeing plan for the council term 2025–2029, read from
 * {@code plan/demo/kerava-2025-2029.json} and written through {@link PlanEditing}, so it is numbered,
 * checked and audited like a user's work. Four policy lines, twelve goals with indicator targets,
 * 45 measures of all five sectors and the evaluations of 2025 for about two thirds of them.
 *
 * <p>The texts are invented, and so are the values of the goals' local indicators (the indicator
 * module's demo file {@code indicators/demo/local-kerava.csv}). A target's baseline is the own
 * region's value of the baseline year, so against the targets some goals are on track, some behind,
 * some off track and one reached already, while Sotkanet's 683 (latest value 2023) has no new data yet.
 *
 * <p>Gaps are left on purpose in the file, so that the plan's gaps view has something to show: the
 * goal on young people's substance use has no owner, the goal on walking and cycling (added in 2026)
 * has neither measures nor indicators, and the measure that brings schoolchildren and older people
 * together has no resources recorded.
 */
@Component
public class DemoPlan implements DemoContent {

    static final String FILE = "plan/demo/kerava-2025-2029.json";

    public static final String TITLE = "Hyvinvointisuunnitelma 2025–2029 (esimerkki)";

    /** The year the goals' baselines are taken from: the latest with data when the plan was drafted. */
    public static final int BASELINE_YEAR = 2023;

    public static final int TARGET_YEAR = 2029;

    private final PlanReading reading;
    private final PlanEditing editing;
    private final OrganisationCatalog organisations;
    private final IndicatorCatalog indicators;
    private final JsonMapper json;

    DemoPlan(
            PlanReading reading,
            PlanEditing editing,
            OrganisationCatalog organisations,
            IndicatorCatalog indicators,
            JsonMapper json) {
        this.reading = reading;
        this.editing = editing;
        this.organisations = organisations;
        this.indicators = indicators;
        this.json = json;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (organisations.summary(org).isEmpty() || !reading.plans(org).isEmpty()) {
            return;
        }
        PlanFile file = read();
        Tenant tenant = new Tenant(org, null, "Hyte (demo)", Role.ADMIN);
        Plan plan = editing.createPlan(
                tenant,
                new Plan(null, file.title(), file.firstYear(), file.lastYear(), file.strategyTitle(), null, true, 0));
        new Writing(tenant, plan.id(), file).write();
    }

    PlanFile read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return json.readValue(in, PlanFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's shape: the plan, its lines, their goals with targets and their measures, each with its evaluation. */
    record PlanFile(
            String about,
            LocalizedText title,
            int firstYear,
            int lastYear,
            String strategyTitle,
            int baselineYear,
            int evaluationYear,
            List<LineEntry> lines) {}

    record LineEntry(LocalizedText title, LocalizedText description, String strategyRef, List<GoalEntry> goals) {}

    record GoalEntry(
            LocalizedText title,
            LocalizedText description,
            List<String> dimensions,
            List<TargetGroup> targetGroups,
            String inequalityFocus,
            String owner,
            String ownerBody,
            List<TargetEntry> targets,
            EvaluationEntry evaluation,
            List<MeasureEntry> measures) {}

    /** A target for the plan's last year; none keeps the baseline level. No direction: the suggested one. */
    record TargetEntry(String indicator, String gender, BigDecimal target, TargetDirection direction) {}

    record EvaluationEntry(Realisation realised, String assessment, String evidence, String evidenceUrl) {}

    record MeasureEntry(
            LocalizedText title,
            LocalizedText description,
            String sector,
            String owner,
            List<String> partnerSectors,
            String partners,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal workYears,
            BigDecimal euros,
            String grants,
            BigDecimal grantEuros,
            String premises,
            String budgetRef,
            Boolean budgetBinding,
            MeasureStatus status,
            int progress,
            EvaluationEntry evaluation) {}

    /** One plan being written: the organisation's sectors, people, bodies and dimensions by their Finnish names. */
    private final class Writing {

        private final Tenant tenant;
        private final UUID plan;
        private final PlanFile file;
        private final Map<String, UUID> sectors;
        private final Map<String, UUID> people;
        private final Map<String, UUID> bodies;
        private final Map<String, UUID> dimensions;

        Writing(Tenant tenant, UUID plan, PlanFile file) {
            OrganisationId org = tenant.organisation();
            this.tenant = tenant;
            this.plan = plan;
            this.file = file;
            this.sectors =
                    byName(organisations.sectors(org), s -> s.name().fi(), OrganisationCatalog.SectorSummary::id);
            this.people = byName(
                    organisations.people(org),
                    OrganisationCatalog.PersonSummary::name,
                    OrganisationCatalog.PersonSummary::id);
            this.bodies = byName(organisations.bodies(org), b -> b.name().fi(), OrganisationCatalog.BodySummary::id);
            this.dimensions = byName(reading.dimensions(org), d -> d.name().fi(), Dimension::id);
        }

        void write() {
            for (LineEntry line : file.lines()) {
                UUID lineId = editing.saveLine(
                        tenant,
                        new PolicyLine(null, plan, 0, 0, line.title(), line.description(), line.strategyRef(), 0));
                for (GoalEntry goal : line.goals()) {
                    goal(lineId, goal);
                }
            }
        }

        private void goal(UUID line, GoalEntry goal) {
            UUID id = editing.saveGoal(
                    tenant,
                    new Goal(
                            null,
                            plan,
                            line,
                            0,
                            0,
                            goal.title(),
                            goal.description(),
                            ids(dimensions, goal.dimensions()),
                            list(goal.targetGroups()),
                            goal.inequalityFocus(),
                            id(people, goal.owner()),
                            id(bodies, goal.ownerBody()),
                            0,
                            null,
                            null));
            int version = 0;
            for (TargetEntry target : list(goal.targets())) {
                target(id, target, version++);
            }
            evaluate(id, null, goal.evaluation());
            for (MeasureEntry measure : list(goal.measures())) {
                measure(id, measure);
            }
        }

        /** From the own region's value of the baseline year to the target value in the plan's last year. */
        private void target(UUID goal, TargetEntry target, int goalVersion) {
            OrganisationId org = tenant.organisation();
            String code = target.indicator();
            IndicatorInfo indicator = (code.chars().allMatch(Character::isDigit)
                            ? indicators.find(org, Integer.parseInt(code))
                            : indicators.findLocal(org, code))
                    .orElseThrow(() -> new IllegalStateException("Demo indicator " + code + " is missing"));
            int year = file.baselineYear();
            BigDecimal baseline = indicators.ownValues(org, List.of(indicator.id()), year).stream()
                    .filter(v -> v.year() == year && v.gender().equals(target.gender()))
                    .map(IndicatorCatalog.OwnValue::value)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Demo indicator " + code + " has no " + target.gender() + " value of " + year));
            BigDecimal goalValue = target.target() == null ? baseline : target.target();
            TargetDirection direction = target.direction() != null
                    ? target.direction()
                    : TargetDirection.suggested(indicator.direction(), baseline, goalValue);
            editing.saveGoalIndicator(
                    tenant,
                    new GoalIndicator(
                            null,
                            goal,
                            indicator.id(),
                            target.gender(),
                            year,
                            baseline,
                            goalValue,
                            file.lastYear(),
                            direction,
                            0),
                    goalVersion);
        }

        private void measure(UUID goal, MeasureEntry m) {
            UUID id = editing.saveMeasure(
                    tenant,
                    new Measure(
                            null,
                            plan,
                            goal,
                            0,
                            0,
                            m.title(),
                            m.description(),
                            id(sectors, m.sector()),
                            id(people, m.owner()),
                            ids(sectors, m.partnerSectors()),
                            m.partners(),
                            m.startsOn(),
                            m.endsOn(),
                            m.workYears(),
                            m.euros(),
                            m.grants(),
                            m.grantEuros(),
                            m.premises(),
                            m.budgetRef(),
                            Boolean.TRUE.equals(m.budgetBinding()),
                            m.status(),
                            m.progress(),
                            0,
                            null,
                            null));
            evaluate(null, id, m.evaluation());
        }

        private void evaluate(UUID goal, UUID measure, EvaluationEntry e) {
            if (e != null) {
                editing.saveEvaluation(
                        tenant,
                        new Evaluation(
                                null,
                                goal,
                                measure,
                                file.evaluationYear(),
                                e.realised(),
                                e.assessment(),
                                e.evidence(),
                                e.evidenceUrl(),
                                0,
                                null,
                                null));
            }
        }

        private List<UUID> ids(Map<String, UUID> byName, List<String> names) {
            return list(names).stream().map(n -> id(byName, n)).toList();
        }

        private UUID id(Map<String, UUID> byName, String name) {
            if (name == null) {
                return null;
            }
            UUID id = byName.get(name);
            if (id == null) {
                throw new IllegalStateException("Demo plan refers to " + name + ", who is not in the demo");
            }
            return id;
        }
    }

    private static <T> Map<String, UUID> byName(List<T> items, Function<T, String> name, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(name, id, (a, b) -> a));
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
