package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.indicator.IndicatorCatalog.OwnValue;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.demo.DemoPlan;
import fi.hyte.plan.domain.Finding;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanReading.PlanProgress;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.TargetProgress;
import fi.hyte.plan.domain.TargetStatus;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.OrganisationId;
import fi.hyte.support.HyteSpringTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo municipality's example wellbeing plan: big and varied enough to show every view of the
 * plan (lines, goals, measures of all sectors, targets in every state, evaluations done and overdue)
 * and its deliberate gaps, on the local indicator values of the demo file exactly.
 */
@HyteSpringTest
class DemoPlanTests {

    static final OrganisationId KERAVA = OrganisationCatalog.DEMO_MUNICIPALITY;

    /** A fixed day in November 2026: the evaluations of 2025 are overdue, those of 2026 due. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static final List<String> SECTORS = List.of(
            "Konsernipalvelut",
            "Kasvatus ja oppiminen",
            "Vapaa-aika ja hyvinvointi",
            "Kaupunkiympäristö",
            "Elinvoima ja työllisyys");

    @Autowired
    PlanReading reading;

    @Autowired
    OrganisationCatalog organisations;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    List<DemoContent> demoContent;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoMunicipalityHasAnExamplePlanForTheCouncilTerm() {
        PlanSnapshot snapshot = demoPlan();
        Plan plan = snapshot.plan();
        assertThat(plan.example()).isTrue();
        assertThat(plan.title().fi()).isEqualTo("Hyvinvointisuunnitelma 2025–2029 (esimerkki)");
        assertThat(plan.title().sv()).isEqualTo("Välfärdsplan 2025–2029 (exempel)");
        assertThat(plan.years()).containsExactly(2025, 2026, 2027, 2028, 2029);
        assertThat(plan.strategyTitle()).contains("esimerkki");
        assertThat(reading.current(KERAVA, TODAY)).map(Plan::id).contains(plan.id());

        assertThat(snapshot.lines()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(line -> {
            assertThat(line.title().sv()).as("%s in Swedish", line.title().fi()).isNotBlank();
            assertThat(line.strategyRef()).isNotBlank();
        });
        assertThat(snapshot.goals()).hasSizeGreaterThanOrEqualTo(12).allSatisfy(goal -> {
            assertThat(goal.title().sv()).as("%s in Swedish", goal.title().fi()).isNotBlank();
            assertThat(goal.dimensionIds()).isNotEmpty();
            assertThat(goal.targetGroups()).isNotEmpty();
        });
        Set<UUID> dimensions = snapshot.dimensions().stream().map(d -> d.id()).collect(Collectors.toSet());
        assertThat(snapshot.goals()).allSatisfy(g -> assertThat(dimensions).containsAll(g.dimensionIds()));
        long withInequalityFocus = snapshot.goals().stream()
                .filter(g -> g.inequalityFocus() != null && !g.inequalityFocus().isBlank())
                .count();
        assertThat(withInequalityFocus).isGreaterThan(snapshot.goals().size() * 2L / 3);
        assertThat(snapshot.lines())
                .allSatisfy(line -> assertThat(snapshot.goalsOf(line.id())).hasSizeGreaterThanOrEqualTo(3));
        assertThat(snapshot.measures()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void measuresSpreadOverAllFiveSectorsWithOwnersPartnersResourcesAndEveryStatus() {
        PlanSnapshot plan = demoPlan();
        Map<String, UUID> sectors = organisations.sectors(KERAVA).stream()
                .collect(Collectors.toMap(s -> s.name().fi(), s -> s.id(), (a, b) -> a));
        assertThat(sectors).containsKeys(SECTORS.toArray(String[]::new));
        Map<UUID, Long> perSector =
                plan.measures().stream().collect(Collectors.groupingBy(Measure::sectorId, Collectors.counting()));
        for (String sector : SECTORS) {
            assertThat(perSector.getOrDefault(sectors.get(sector), 0L))
                    .as("measures of %s", sector)
                    .isGreaterThanOrEqualTo(5);
        }
        Set<UUID> people =
                organisations.people(KERAVA).stream().map(p -> p.id()).collect(Collectors.toSet());
        assertThat(plan.measures()).allSatisfy(m -> assertThat(people).contains(m.ownerPersonId()));
        assertThat(plan.measures()).allSatisfy(m -> {
            assertThat(m.startsOn()).isNotNull();
            assertThat(m.endsOn()).isNotNull();
        });
        assertThat(plan.measures().stream().filter(m -> !m.partnerSectorIds().isEmpty()))
                .hasSizeGreaterThan(20);
        String partners = plan.measures().stream()
                .map(Measure::partners)
                .filter(p -> p != null)
                .collect(Collectors.joining(" | "));
        assertThat(partners)
                .contains("Vantaan ja Keravan hyvinvointialue")
                .contains("Keravan seurakunta")
                .contains("liikuntaseurat")
                .contains("yritykset");
        assertThat(plan.measures().stream().filter(m -> m.budgetRef() != null && m.budgetBinding()))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(plan.measures().stream().filter(m -> m.grantEuros() != null)).isNotEmpty();
        assertThat(plan.measures().stream().filter(m -> m.premises() != null)).isNotEmpty();
        Map<MeasureStatus, Long> statuses =
                plan.measures().stream().collect(Collectors.groupingBy(Measure::status, Collectors.counting()));
        assertThat(statuses).containsOnlyKeys(MeasureStatus.values());
        assertThat(statuses.get(MeasureStatus.LATE)).isGreaterThanOrEqualTo(2);
        assertThat(statuses.get(MeasureStatus.DONE)).isGreaterThanOrEqualTo(2);
        assertThat(statuses.get(MeasureStatus.CANCELLED)).isEqualTo(1);
        assertThat(plan.measures().stream().filter(m -> m.status() == MeasureStatus.DONE))
                .allSatisfy(m -> assertThat(m.progress()).isEqualTo(100));
        assertThat(reading.progress(KERAVA, plan, TODAY).lateMeasures()).isEqualTo(statuses.get(MeasureStatus.LATE));
    }

    @Test
    void onlyTheDeliberateGapsShow() {
        PlanSnapshot plan = demoPlan();
        Map<Finding.Kind, List<String>> gaps = reading.gaps(plan, TODAY).stream()
                .filter(f -> f.kind() != Finding.Kind.EVALUATION_OVERDUE)
                .collect(Collectors.groupingBy(
                        Finding::kind, Collectors.mapping(f -> f.title().fi(), Collectors.toList())));
        assertThat(gaps)
                .containsOnlyKeys(
                        Finding.Kind.GOAL_WITHOUT_OWNER,
                        Finding.Kind.GOAL_WITHOUT_MEASURES,
                        Finding.Kind.GOAL_WITHOUT_INDICATORS,
                        Finding.Kind.MEASURE_WITHOUT_RESOURCES);
        assertThat(gaps.get(Finding.Kind.GOAL_WITHOUT_OWNER))
                .containsExactly(
                        "Nuorten päihteiden käyttö vähenee ja mielen hyvinvointia tuetaan matalalla kynnyksellä");
        assertThat(gaps.get(Finding.Kind.GOAL_WITHOUT_MEASURES))
                .containsExactly("Kävely ja pyöräily arjen liikkumisessa lisääntyvät");
        assertThat(gaps.get(Finding.Kind.GOAL_WITHOUT_INDICATORS))
                .containsExactly("Kävely ja pyöräily arjen liikkumisessa lisääntyvät");
        assertThat(gaps.get(Finding.Kind.MEASURE_WITHOUT_RESOURCES))
                .containsExactly("Sukupolvet yhteen: koululaisten ja ikääntyneiden yhteiset tapaamiset");
        assertThat(plan.goals().stream().filter(g -> !g.hasOwner()))
                .hasSize(1)
                .allSatisfy(g -> assertThat(g.title().fi()).startsWith("Nuorten päihteiden"));
        assertThat(plan.goals().stream().filter(g -> g.ownerBodyId() != null)).isNotEmpty();
    }

    @Test
    void targetsUse683AndLocalIndicatorsAndStandInEveryState() {
        PlanSnapshot plan = demoPlan();
        Map<Integer, IndicatorInfo> used = reading.indicatorsOf(KERAVA, plan);
        assertThat(used).containsKey(683);
        List<IndicatorInfo> local =
                used.values().stream().filter(IndicatorInfo::local).toList();
        assertThat(local).hasSizeGreaterThanOrEqualTo(5);
        for (IndicatorInfo indicator : local) {
            assertThat(indicators.ownValues(KERAVA, List.of(indicator.id()), 2021))
                    .as("values of %s", indicator.code())
                    .hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(plan.goalIndicators()).allSatisfy(t -> {
            assertThat(t.hasTarget()).isTrue();
            assertThat(t.baselineYear()).isEqualTo(DemoPlan.BASELINE_YEAR);
            assertThat(t.targetYear()).isEqualTo(DemoPlan.TARGET_YEAR);
            assertThat(t.baselineValue()).isEqualByComparingTo(valueOf(t.indicatorId(), t.gender(), 2023));
        });
        assertThat(plan.goalIndicators()).anyMatch(t -> t.gender().equals("female"));

        PlanProgress progress = reading.progress(KERAVA, plan, TODAY);
        Map<String, TargetStatus> byGoal = progress.goals().values().stream()
                .collect(Collectors.toMap(g -> g.goal().title().fi(), g -> g.overall()));
        assertThat(byGoal)
                .as("the demo file's values against the targets: the story the demo tells")
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Jokaisella lapsella ja nuorella on mieluisa harrastus", TargetStatus.ON_TRACK),
                        Map.entry("Nuorten yksinäisyys vähenee", TargetStatus.OFF_TRACK),
                        Map.entry(
                                "Nuorten päihteiden käyttö vähenee ja mielen hyvinvointia tuetaan matalalla kynnyksellä",
                                TargetStatus.ON_TRACK),
                        Map.entry("Vähän liikkuvat työikäiset löytävät liikunnan pariin", TargetStatus.BEHIND),
                        Map.entry("Työttömien työllistyminen avoimille työmarkkinoille paranee", TargetStatus.ON_TRACK),
                        Map.entry("Naisten ja maahan muuttaneiden työllistymispolut vahvistuvat", TargetStatus.BEHIND),
                        Map.entry("Ikääntyneet asuvat kotona turvallisesti ja esteettömästi", TargetStatus.BEHIND),
                        Map.entry(
                                "Ikääntyneiden yksinäisyys vähenee ja yhteisöllinen toiminta lisääntyy",
                                TargetStatus.REACHED),
                        Map.entry(
                                "Ikääntyneiden liikkuminen lisääntyy ja elintapasairauksia ehkäistään",
                                TargetStatus.NO_DATA),
                        Map.entry("Lähiluonto on kaikkien saavutettavissa", TargetStatus.ON_TRACK),
                        Map.entry(
                                "Asukkaat osallistuvat ja vaikuttavat kaupungin kehittämiseen", TargetStatus.OFF_TRACK),
                        Map.entry("Kävely ja pyöräily arjen liikkumisessa lisääntyvät", TargetStatus.NO_TARGET)));
        Map<TargetStatus, Long> goals = progress.goalsByStatus();
        assertThat(goals.get(TargetStatus.ON_TRACK)).isGreaterThanOrEqualTo(2);
        assertThat(goals.get(TargetStatus.BEHIND)).isGreaterThanOrEqualTo(1);
        assertThat(goals.get(TargetStatus.OFF_TRACK)).isGreaterThanOrEqualTo(1);
        assertThat(goals.get(TargetStatus.REACHED)).isGreaterThanOrEqualTo(1);
        List<TargetProgress> targets = progress.goals().values().stream()
                .flatMap(g -> g.targets().stream())
                .toList();
        assertThat(targets.stream().filter(t -> t.target().indicatorId() == 683))
                .isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(TargetStatus.NO_DATA);
                    assertThat(t.latestYear()).isEqualTo(2023);
                });
        assertThat(targets.stream().filter(t -> t.target().indicatorId() != 683))
                .allSatisfy(t -> assertThat(t.latestYear()).isEqualTo(2025));
        assertThat(reading.reminders(progress, TODAY))
                .anyMatch(f -> f.kind() == Finding.Kind.TARGET_WITHOUT_NEW_DATA && f.indicatorId() == 683);
        // The loneliness goal is judged for girls too, and both its targets are off track.
        Goal loneliness = goal(plan, "Nuorten yksinäisyys vähenee");
        assertThat(progress.of(loneliness.id()).targets())
                .extracting(t -> t.target().gender() + " " + t.status())
                .containsExactlyInAnyOrder("total OFF_TRACK", "female OFF_TRACK");
    }

    @Test
    void about2025TwoThirdsAreEvaluatedAndTheRestAreOverdue() {
        PlanSnapshot plan = demoPlan();
        assertThat(plan.evaluations()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.year()).isEqualTo(2025);
            assertThat(e.assessment()).isNotBlank();
            assertThat(e.evidence()).isNotBlank();
        });
        assertThat(plan.evaluations().stream().map(e -> e.realised()).distinct())
                .hasSize(3);
        assertThat(plan.evaluations().stream().filter(e -> e.evidenceUrl() != null))
                .isNotEmpty();
        PlanProgress progress = reading.progress(KERAVA, plan, TODAY);
        int[] evaluated = progress.evaluated(2025);
        int done = evaluated[0];
        int due = evaluated[1];
        assertThat(done).isLessThan(due);
        assertThat(done * 100 / due).isBetween(55, 80);
        List<Finding> overdue = reading.reminders(progress, TODAY).stream()
                .filter(f -> f.kind() == Finding.Kind.EVALUATION_OVERDUE)
                .toList();
        assertThat(overdue).hasSize(due - done).allMatch(f -> f.year() == 2025);
        assertThat(overdue).anyMatch(f -> f.aboutMeasure()).anyMatch(f -> !f.aboutMeasure());
        assertThat(reading.reminders(progress, TODAY))
                .anyMatch(f -> f.kind() == Finding.Kind.EVALUATION_DUE && f.year() == 2026);
    }

    @Test
    void localIndicatorValuesEqualTheDemoFile() throws IOException {
        List<CSVRecord> rows = demoFile();
        assertThat(rows).isNotEmpty();
        Map<String, IndicatorInfo> byCode = new HashMap<>();
        Set<String> stored = new LinkedHashSet<>();
        for (CSVRecord row : rows) {
            IndicatorInfo indicator = byCode.computeIfAbsent(
                    row.get("tunnus"),
                    code -> indicators.findLocal(KERAVA, code).orElseThrow());
            assertThat(indicator.local()).isTrue();
            assertThat(indicator.title().fi())
                    .isEqualTo(rows.stream()
                            .filter(r -> r.get("tunnus").equals(row.get("tunnus")))
                            .findFirst()
                            .orElseThrow()
                            .get("nimi"));
            String gender = gender(row.get("sukupuoli"));
            int year = Integer.parseInt(row.get("vuosi"));
            assertThat(valueOf(indicator.id(), gender, year))
                    .as("%s %s %s", row.get("tunnus"), year, gender)
                    .isEqualByComparingTo(new BigDecimal(row.get("arvo").replace(',', '.')));
            stored.add(indicator.id() + "/" + gender + "/" + year);
        }
        assertThat(stored).as("one row per value").hasSize(rows.size());
        List<Integer> ids = byCode.values().stream().map(IndicatorInfo::id).toList();
        assertThat(indicators.ownValues(KERAVA, ids, 1990)).hasSize(rows.size());
        assertThat(byCode.get("yksinaisyys-8-9").direction()).isEqualTo("HIGHER_IS_WORSE");
        assertThat(byCode.get("harrastus-8-9").direction()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(byCode.values()).noneMatch(i -> i.direction().equals("NEUTRAL"));
        List<String> sources = jdbc.sql("select distinct b.kind || ' ' || b.source from indicator_value v"
                        + " join indicator_batch b on b.id = v.batch_id where v.indicator_id = any(?)")
                .param(ids.toArray(Integer[]::new))
                .query(String.class)
                .list();
        assertThat(sources).containsExactly("DEMO Keravan kaupunki (esimerkkiaineisto)");
    }

    @Test
    void seedingAgainAddsNothing() throws IOException {
        PlanSnapshot before = demoPlan();
        long values = localValues();
        demoContent.stream()
                .filter(d -> d.order() == 30 || d instanceof DemoPlan)
                .forEach(DemoContent::seed);
        assertThat(reading.plans(KERAVA)).hasSize(1);
        PlanSnapshot after = demoPlan();
        assertThat(after.goals()).hasSameSizeAs(before.goals());
        assertThat(after.measures()).hasSameSizeAs(before.measures());
        assertThat(after.evaluations()).hasSameSizeAs(before.evaluations());
        assertThat(after.lines().stream().map(PolicyLine::id))
                .containsExactlyElementsOf(
                        before.lines().stream().map(PolicyLine::id).toList());
        assertThat(localValues()).isEqualTo(values);
    }

    /** How many values the indicators of the demo file have (other tests may import other files meanwhile). */
    private long localValues() throws IOException {
        String[] codes =
                demoFile().stream().map(r -> r.get("tunnus")).distinct().toArray(String[]::new);
        return jdbc.sql("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id"
                        + " where i.organisation_id = ? and i.code = any(?)")
                .params(KERAVA.value(), codes)
                .query(Long.class)
                .single();
    }

    private PlanSnapshot demoPlan() {
        Plan plan = reading.plans(KERAVA).stream()
                .filter(p -> p.title().fi().equals(DemoPlan.TITLE))
                .findFirst()
                .orElseThrow();
        return reading.snapshot(KERAVA, plan.id());
    }

    private static Goal goal(PlanSnapshot plan, String title) {
        return plan.goals().stream()
                .filter(g -> g.title().fi().equals(title))
                .findFirst()
                .orElseThrow();
    }

    private BigDecimal valueOf(int indicator, String gender, int year) {
        return indicators.ownValues(KERAVA, List.of(indicator), year).stream()
                .filter(v -> v.year() == year && v.gender().equals(gender))
                .map(OwnValue::value)
                .findFirst()
                .orElse(null);
    }

    private static String gender(String text) {
        return switch (text) {
            case "yhteensä" -> "total";
            case "pojat", "miehet" -> "male";
            case "tytöt", "naiset" -> "female";
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static List<CSVRecord> demoFile() throws IOException {
        try (Reader in = new InputStreamReader(
                new ClassPathResource("indicators/demo/local-kerava.csv").getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .setHeader()
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}
