package fi.hyte.impact.demo;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.FollowUp;
import fi.hyte.impact.domain.Hearing;
import fi.hyte.impact.domain.NeedsTests;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Screening;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example decision cases, labelled as examples, with invented texts: in the demo municipality the
 * closing of a village school (full assessment with the child and gender parts, children and the
 * youth council heard, decided, follow-up running on an indicator), swimming-hall fees, merging
 * library branches in the school's area (so the accumulation shows), filling a post (excluded) and
 * a grant-rule change skipped with a reason; in the county, merging two health stations.
 */
@Component
class DemoCases implements DemoContent {

    static final String AREA = "Kaskelan koulupiiri";

    private final Preparation preparation;
    private final DecisionCases cases;
    private final Templates templates;
    private final OrganisationCatalog organisations;
    private final UserAccounts accounts;
    private final fi.hyte.plan.PlanCatalog plans;

    DemoCases(
            Preparation preparation,
            DecisionCases cases,
            Templates templates,
            OrganisationCatalog organisations,
            UserAccounts accounts,
            fi.hyte.plan.PlanCatalog plans) {
        this.plans = plans;
        this.preparation = preparation;
        this.cases = cases;
        this.templates = templates;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** The first goal of the demo's plan for 2025, which the school's follow-up is tied to (null without a plan). */
    private UUID firstGoal(OrganisationId org) {
        return plans.planFor(org, 2025)
                .flatMap(p -> plans.content(org, p.id()))
                .flatMap(
                        c -> c.lines().stream().flatMap(l -> l.goals().stream()).findFirst())
                .map(g -> g.id())
                .orElse(null);
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (!cases.of(org).isEmpty()) {
            return;
        }
        Tenant t = tenant(org, "koordinaattori");
        Templates.TemplateVersion latest = templates.latest(org);
        TemplateContent content = latest.content();
        templates.saveNew(
                t,
                latest.version(),
                content.withThresholds(
                        content.shareThreshold(),
                        content.eurosThreshold(),
                        content.accumulationMonths(),
                        List.of(
                                LocalizedText.of(AREA, "Kaskela skoldistrikt"),
                                LocalizedText.of("Keskusta", "Centrum")),
                        content.diaryPattern()),
                "Alueet lisätty (esimerkki)");
        UUID council = body(org, "Kaupunginvaltuusto");
        UUID board = body(org, "Kaupunginhallitus");

        UUID school = create(
                t,
                "Kaskelan kyläkoulun lakkauttaminen",
                "Nedläggning av Kaskela byskola",
                council,
                "KER/101/2025",
                LocalDate.of(2025, 1, 15),
                LocalDate.of(2025, 4, 30));
        preparation.startAssessing(t, school, 0);
        preparation.saveScreening(
                t,
                school,
                new Screening(
                        true,
                        BigDecimal.valueOf(3),
                        BigDecimal.valueOf(420_000),
                        Set.of("network", "group"),
                        null,
                        List.of("children", "young"),
                        List.of(AREA)),
                1);
        preparation.saveNeeds(
                t,
                school,
                new NeedsTests(
                        true,
                        true,
                        true,
                        "Koulun vanhempaintoimikunnassa ja johtokunnassa on enimmäkseen naisia; kuulemiseen kutsuttiin myös isiä.",
                        "Pidempi koulumatka vähentää erityisesti tyttöjen iltapäiväharrastuksia kyselyn mukaan.",
                        "Koulukuljetuksen kustannus kohdistuu tasaisesti; kerhotoiminnan tilat siirtyvät keskustaan.",
                        "Yksin kulkevien alakoululaisten koulumatkan turvallisuus talvella.",
                        "Oppilaat kuultiin luokittain toiminnallisella kyselyllä (esimerkki) ja nuorisovaltuusto kokouksessaan.",
                        "Lapsen etu arvioitiin vertaamalla lähikoulun lyhyttä matkaa ja yhdistetyn koulun laajempaa opetustarjontaa; ehdotus edellyttää turvallista kuljetusta."),
                2);
        List<Alternative> schoolAlternatives = cases.alternatives(org, school);
        fill(
                t,
                school,
                schoolAlternatives,
                Map.of(
                        "children", new Cell.Direction[] {Cell.Direction.NEGATIVE, Cell.Direction.UNCERTAIN},
                        "young", new Cell.Direction[] {Cell.Direction.NEGATIVE, Cell.Direction.NONE},
                        "economy", new Cell.Direction[] {Cell.Direction.POSITIVE, Cell.Direction.POSITIVE},
                        "staff", new Cell.Direction[] {Cell.Direction.UNCERTAIN, Cell.Direction.POSITIVE},
                        "environment", new Cell.Direction[] {Cell.Direction.NEGATIVE, Cell.Direction.NEGATIVE}));
        preparation.addHearing(
                t,
                school,
                new Hearing(
                        null,
                        school,
                        Hearing.Heard.CHILDREN,
                        LocalDate.of(2025, 2, 12),
                        "Toiminnallinen kysely luokissa 1–6",
                        41,
                        "Pitkä matka ja aamut huolettavat; uusi koulu kiinnostaa.",
                        "Kuljetusreitti suunniteltiin niin, ettei matka ylitä 30 minuuttia.",
                        null,
                        0));
        preparation.addHearing(
                t,
                school,
                new Hearing(
                        null,
                        school,
                        Hearing.Heard.YOUTH_COUNCIL,
                        LocalDate.of(2025, 2, 20),
                        "Nuorisovaltuuston kokous",
                        12,
                        "Harrastustilat on säilytettävä kylällä.",
                        "Koulun liikuntasali jää iltakäyttöön.",
                        null,
                        0));
        preparation.freeze(t, school, 3);
        UUID proposal = schoolAlternatives.get(0).id();
        preparation.decide(
                t, school, new DecisionCase.Decision(council, LocalDate.of(2025, 4, 28), "§ 32", proposal, null), 4);
        preparation.addFollowUp(
                t,
                school,
                new FollowUp(
                        null,
                        school,
                        "Koulumatkan kesto ja turvallisuus (kouluterveyskysely, esimerkki)",
                        683,
                        FollowUp.Expected.MAINTAIN,
                        "Laura Nieminen",
                        LocalDate.of(2026, 6, 30),
                        firstGoal(org),
                        null,
                        null,
                        null,
                        0));
        preparation.startFollowUp(t, school, 5);

        UUID library = create(
                t,
                "Kirjaston sivupisteiden yhdistäminen",
                "Sammanslagning av bibliotekets filialer",
                board,
                "KER/214/2025",
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 2, 10));
        preparation.startAssessing(t, library, 0);
        preparation.saveScreening(
                t,
                library,
                new Screening(
                        true,
                        BigDecimal.valueOf(6),
                        BigDecimal.valueOf(90_000),
                        Set.of("network"),
                        null,
                        List.of("children", "older"),
                        List.of(AREA)),
                1);
        List<Alternative> libraryAlternatives = cases.alternatives(org, library);
        cell(
                t,
                library,
                libraryAlternatives.get(0),
                "children",
                Cell.Term.SHORT,
                Cell.Direction.NEGATIVE,
                Cell.Magnitude.MODERATE,
                "Lähin kirjasto siirtyy kauemmas Kaskelan lapsilta.",
                "Lukudiplomin suorittajien määrä koulussa (esimerkki)");
        cell(
                t,
                library,
                libraryAlternatives.get(0),
                "older",
                Cell.Term.SHORT,
                Cell.Direction.NEGATIVE,
                Cell.Magnitude.SMALL,
                "Kirjastoauto korvaa osan.",
                null);

        UUID pool = create(
                t,
                "Uimahallin maksujen korotus",
                "Höjning av simhallens avgifter",
                board,
                "KER/230/2025",
                LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 3, 2));
        preparation.startAssessing(t, pool, 0);
        preparation.saveScreening(
                t,
                pool,
                new Screening(
                        true,
                        BigDecimal.valueOf(35),
                        BigDecimal.valueOf(160_000),
                        Set.of("group"),
                        null,
                        List.of("lowIncome", "women", "men"),
                        List.of()),
                1);
        preparation.saveNeeds(
                t,
                pool,
                new NeedsTests(
                        true,
                        true,
                        false,
                        null,
                        null,
                        "Naiset käyvät uimassa useammin kuin miehet, joten korotus kohdistuu heihin enemmän (esimerkki).",
                        null,
                        null,
                        null),
                2);
        List<Alternative> poolAlternatives = cases.alternatives(org, pool);
        cell(
                t,
                pool,
                poolAlternatives.get(0),
                "lowIncome",
                Cell.Term.SHORT,
                Cell.Direction.NEGATIVE,
                Cell.Magnitude.LARGE,
                "Kertamaksu nousee 6 eurosta 8 euroon.",
                null);

        UUID post = create(
                t,
                "Sivistysjohtajan viran täyttäminen",
                "Tillsättning av tjänsten som bildningsdirektör",
                board,
                "KER/240/2025",
                LocalDate.of(2025, 11, 1),
                LocalDate.of(2025, 12, 1));
        preparation.saveScreening(t, post, new Screening(true, null, null, Set.of(), "post", List.of(), List.of()), 0);
        preparation.skip(t, post, "Viran täyttäminen on poikkeus, jossa ennakkoarviointia ei tehdä.", 1);

        UUID grants = create(
                t,
                "Järjestöavustusten sääntöjen muutos",
                "Ändring av reglerna för föreningsbidrag",
                board,
                "KER/251/2025",
                LocalDate.of(2025, 11, 10),
                LocalDate.of(2025, 12, 15));
        preparation.saveScreening(
                t,
                grants,
                new Screening(
                        true,
                        BigDecimal.valueOf(12),
                        BigDecimal.valueOf(110_000),
                        Set.of(),
                        null,
                        List.of(),
                        List.of()),
                0);
        preparation.skip(
                t,
                grants,
                "Aikataulu ei antanut mahdollisuutta arviointiin; vaikutukset arvioidaan avustuskierroksen jälkeen (esimerkki).",
                1);

        seedCounty();
    }

    private void seedCounty() {
        OrganisationId county = OrganisationCatalog.DEMO_COUNTY;
        if (!cases.of(county).isEmpty() || accounts.find("hva-koordinaattori").isEmpty()) {
            return;
        }
        Tenant t = tenant(county, "hva-koordinaattori");
        UUID body = organisations.bodies(county).stream()
                .findFirst()
                .map(OrganisationCatalog.BodySummary::id)
                .orElse(null);
        if (body == null) {
            return;
        }
        UUID stations = create(
                t,
                "Kahden terveysaseman yhdistäminen",
                "Sammanslagning av två hälsostationer",
                body,
                "HVA/77/2026",
                LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 5, 20));
        preparation.startAssessing(t, stations, 0);
        preparation.saveScreening(
                t,
                stations,
                new Screening(
                        true,
                        BigDecimal.valueOf(18),
                        BigDecimal.valueOf(1_200_000),
                        Set.of("network", "staff"),
                        null,
                        List.of("older", "disabled", "language"),
                        List.of()),
                1);
    }

    private void fill(Tenant t, UUID id, List<Alternative> alternatives, Map<String, Cell.Direction[]> proposal) {
        TemplateContent template = preparation.template(t, preparation.get(t, id));
        for (Alternative alternative : alternatives) {
            boolean isProposal = alternative.kind() == Alternative.Kind.PROPOSAL;
            for (TemplateContent.Row row : template.rows()) {
                for (Cell.Term term : Cell.Term.values()) {
                    Cell.Direction direction = isProposal && proposal.containsKey(row.key())
                            ? proposal.get(row.key())[term.ordinal()]
                            : Cell.Direction.NONE;
                    Cell.Magnitude magnitude = direction == Cell.Direction.NONE ? null : Cell.Magnitude.MODERATE;
                    String reasoning = direction == Cell.Direction.NONE ? null : reason(row.key(), direction);
                    String mitigation =
                            direction == Cell.Direction.NEGATIVE && row.key().equals("children")
                                    ? "Koulukuljetus ja valvottu odotus aamuisin."
                                    : null;
                    preparation.saveCell(
                            t,
                            id,
                            new Cell(
                                    null,
                                    alternative.id(),
                                    row.key(),
                                    term,
                                    direction,
                                    magnitude,
                                    reasoning,
                                    direction == Cell.Direction.NONE ? null : "Oppilasennuste 2025–2030 (esimerkki)",
                                    null,
                                    null,
                                    mitigation,
                                    t.userName(),
                                    0),
                            -1);
                }
            }
        }
    }

    private static String reason(String row, Cell.Direction direction) {
        return switch (row) {
            case "children" -> "Koulumatka pitenee noin 9 kilometrillä.";
            case "young" -> "Iltapäivätoiminta siirtyy keskustaan.";
            case "economy" -> "Kiinteistö- ja henkilöstömenot pienenevät noin 420 000 euroa vuodessa.";
            case "staff" -> "Opettajat siirtyvät yhdistettyyn kouluun.";
            case "environment" -> "Koulukuljetukset lisäävät ajokilometrejä.";
            default -> direction.name();
        };
    }

    private void cell(
            Tenant t,
            UUID id,
            Alternative alternative,
            String row,
            Cell.Term term,
            Cell.Direction direction,
            Cell.Magnitude magnitude,
            String reasoning,
            String evidence) {
        preparation.saveCell(
                t,
                id,
                new Cell(
                        null,
                        alternative.id(),
                        row,
                        term,
                        direction,
                        magnitude,
                        reasoning,
                        evidence,
                        null,
                        null,
                        null,
                        t.userName(),
                        0),
                -1);
    }

    private UUID create(Tenant t, String fi, String sv, UUID body, String diary, LocalDate start, LocalDate meeting) {
        return preparation.create(
                t,
                new DecisionCase(
                        null,
                        LocalizedText.of(fi, sv),
                        LocalizedText.of(null, null),
                        body,
                        null,
                        List.of(t.user().value()),
                        diary,
                        null,
                        start,
                        null,
                        meeting,
                        CaseStatus.DRAFT,
                        null,
                        null,
                        0,
                        Screening.none(),
                        NeedsTests.none(),
                        DecisionCase.Decision.none(),
                        null,
                        null,
                        null,
                        false,
                        null,
                        0),
                true);
    }

    private UUID body(OrganisationId org, String name) {
        return organisations.bodies(org).stream()
                .filter(b -> name.equals(b.name().fi()))
                .findFirst()
                .map(OrganisationCatalog.BodySummary::id)
                .orElseThrow();
    }

    private Tenant tenant(OrganisationId org, String username) {
        UserId user = accounts.find(username).orElseThrow();
        return new Tenant(org, user, username, Role.COORDINATOR);
    }
}
