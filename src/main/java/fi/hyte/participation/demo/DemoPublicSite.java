package fi.hyte.participation.demo;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublicSites;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.PlanInfo;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo municipality's public site, labelled as an example on every page: a plain-language
 * summary, the published example plan with its 2025 evaluations, eight key indicators and an open
 * consultation on the draft plan with a few example comments. The
 * contact text has no English version, so the English pages show the Finnish fallback.
 */
@Component
class DemoPublicSite implements DemoContent {

    static final String SLUG = "kerava-demo";
    static final int KEY_INDICATORS = 8;

    private final PublicSites sites;
    private final Publishing publishing;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final OrganisationCatalog organisations;
    private final ConsultationSetup setup;
    private final Consultations consultations;
    private final Answering answering;
    private final FormTokens tokens;

    DemoPublicSite(
            ConsultationSetup setup,
            Consultations consultations,
            Answering answering,
            FormTokens tokens,
            PublicSites sites,
            Publishing publishing,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            OrganisationCatalog organisations) {
        this.sites = sites;
        this.publishing = publishing;
        this.plans = plans;
        this.indicators = indicators;
        this.organisations = organisations;
        this.setup = setup;
        this.consultations = consultations;
        this.answering = answering;
        this.tokens = tokens;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (organisations.summary(org).isEmpty() || sites.of(org).isPresent()) {
            return;
        }
        Tenant tenant = new Tenant(org, null, "Hyte (demo)", Role.ADMIN);
        publishing.seedExample(tenant, site(org));
        plans.plans(org).stream().filter(PlanInfo::example).findFirst().ifPresent(plan -> {
            publishing.publishPlan(tenant, plan.id(), LocalDate.of(2026, 11, 30));
            publishing.publishEvaluations(tenant, plan.id(), 2025);
        });
        // The plan's own target indicators first, then the indicator set: those with values for Kerava.
        Set<Integer> candidates = new LinkedHashSet<>();
        plans.plans(org).stream()
                .filter(PlanInfo::example)
                .findFirst()
                .flatMap(p -> plans.content(org, p.id()))
                .ifPresent(content -> content.lines()
                        .forEach(line -> line.goals()
                                .forEach(goal -> goal.targets().forEach(t -> candidates.add(t.indicatorId())))));
        indicators
                .setOverview(org)
                .items()
                .forEach(item -> candidates.add(item.series().indicator().id()));
        candidates.stream()
                .filter(id -> indicators
                        .series(org, id, Optional.empty())
                        .map(s -> s.own() != null)
                        .orElse(false))
                .limit(KEY_INDICATORS)
                .forEach(id -> publishing.addIndicator(tenant, id));
        consultation(tenant);
    }

    /** An open consultation on the draft plan's first goals, with two questions and a few example comments. */
    private void consultation(Tenant tenant) {
        OrganisationId org = tenant.organisation();
        List<ConsultationSetup.SectionChoice> sections = plans.plans(org).stream()
                .filter(PlanInfo::example)
                .findFirst()
                .flatMap(p -> plans.content(org, p.id()))
                .map(content -> content.lines().stream()
                        .flatMap(l -> l.goals().stream())
                        .limit(3)
                        .map(g -> new ConsultationSetup.SectionChoice(g.ref(), g.title()))
                        .toList())
                .orElse(List.of());
        Instant opens = Instant.parse("2026-11-15T07:00:00Z");
        Instant closes = Instant.parse("2027-01-31T20:00:00Z");
        UUID id = setup.create(
                tenant,
                new Consultation(
                        null,
                        org,
                        null,
                        new LocalizedText(
                                "Lasten ja nuorten hyvinvointi: kommentoi suunnitelmaluonnosta (esimerkki)",
                                "Barns och ungas välfärd: kommentera planutkastet (exempel)",
                                "Children's and young people's wellbeing: comment on the draft plan (example)"),
                        new LocalizedText(
                                "Kerro, mitä mieltä olet suunnitelman lapsia ja nuoria koskevista tavoitteista. Luemme"
                                        + " jokaisen vastauksen, ja kerromme tällä sivulla, mitä vastaustenne pohjalta"
                                        + " teimme.",
                                "Berätta vad du tycker om planens mål för barn och unga. Vi läser varje svar och"
                                        + " berättar på denna sida vad vi gjorde utifrån era svar.",
                                "Tell us what you think of the plan's goals for children and young people. We read"
                                        + " every answer and will tell on this page what we did with them."),
                        opens,
                        closes,
                        "POST",
                        false,
                        List.of(),
                        0),
                sections);
        setup.addQuestion(
                tenant,
                id,
                "SCALE",
                new LocalizedText(
                        "Tavoitteet vastaavat lasten ja nuorten tarpeita.",
                        "Målen motsvarar barns och ungas behov.",
                        "The goals meet the needs of children and young people."),
                List.of());
        setup.addQuestion(
                tenant,
                id,
                "TEXT",
                new LocalizedText(
                        "Mikä yksi asia parantaisi eniten nuorten arkea Keravalla?",
                        "Vilken enskild sak skulle förbättra ungas vardag i Kervo mest?",
                        "What one thing would most improve young people's everyday life in Kerava?"),
                List.of());
        Consultation created = consultations.find(org, id).orElseThrow();
        setup.update(
                tenant,
                new Consultation(
                        id,
                        org,
                        created.planId(),
                        created.title(),
                        created.intro(),
                        opens,
                        closes,
                        "POST",
                        true,
                        List.of(),
                        created.version()));
        List<Consultation.Section> parts = consultations.sections(org, id);
        if (parts.isEmpty()) {
            return;
        }
        Instant at = Instant.parse("2026-11-20T12:00:00Z");
        String[][] comments = {
            {"Nuori 15 v", "Maksuttomat kerhot koulun jälkeen ovat tosi hyviä, kunpa niitä olisi myös yläkoulussa."},
            {null, "Harrastuksiin pääsy pitäisi olla helppoa myös niille, joiden vanhemmilla ei ole autoa."},
            {"Isä", "Koulupsykologille pääsee liian hitaasti. Tämä tavoite on tärkein."},
            {"Mummi", "Kirjaston nuortentila on hieno, aukioloaikoja voisi pidentää."}
        };
        int n = 0;
        for (String[] comment : comments) {
            Consultation.Section part = parts.get(n % parts.size());
            answering.submit(
                    consultations.find(org, id).orElseThrow(),
                    new Answering.Submission(
                            tokens.issue(id, at),
                            null,
                            comment[0],
                            n % 2 == 0 ? "UNDER_18" : "30_44",
                            "04200",
                            null,
                            Map.of(part.id(), comment[1]),
                            Map.of()),
                    "demo-" + n,
                    at.plusSeconds(60L * n));
            n++;
        }
    }

    private static PublicSite site(OrganisationId org) {
        return new PublicSite(
                org,
                SLUG,
                true,
                true,
                new LocalizedText(
                        "Keravalla hyvinvointia edistetään yhdessä: kaupunki, hyvinvointialue, järjestöt, seurakunta"
                                + " ja asukkaat. Tällä sivulla kerromme, mitä olemme luvanneet tehdä tällä"
                                + " valtuustokaudella, miten työ etenee ja miltä asukkaiden hyvinvointi näyttää"
                                + " tilastoissa.\n\nTärkeimmät painopisteemme ovat lasten ja nuorten mielen"
                                + " hyvinvointi, liikkuminen arjessa ja yksinäisyyden vähentäminen.",
                        "I Kervo främjar vi välfärden tillsammans: staden, välfärdsområdet, organisationer,"
                                + " församlingen och invånarna. Här berättar vi vad vi har lovat göra under"
                                + " fullmäktigeperioden, hur arbetet framskrider och hur invånarnas välfärd ser ut i"
                                + " statistiken.\n\nVåra viktigaste fokusområden är barns och ungas psykiska välbefinnande,"
                                + " motion i vardagen och minskad ensamhet.",
                        "In Kerava we promote wellbeing together: the city, the wellbeing services county, NGOs, the"
                                + " parish and residents. This site tells what we have promised to do during this"
                                + " council term, how the work is going and what residents' wellbeing looks like in"
                                + " the statistics.\n\nOur main priorities are the mental wellbeing of children and"
                                + " young people, everyday physical activity and less loneliness."),
                new LocalizedText(
                        "Hyvinvointikoordinaattori Laura Nieminen (esimerkki), Keravan kaupunki, Kauppakaari 11",
                        "Välfärdskoordinator Laura Nieminen (exempel), Kervo stad, Handelsvägen 11",
                        null),
                "hyvinvointi@example.fi",
                "09 123 4567",
                new LocalizedText(
                        "Sivuston lukeminen ei kerää henkilötietoja eikä aseta evästeitä.\n\nRekisterinpitäjä:"
                                + " Keravan kaupunki (esimerkki). Tietosuojavastaava: tietosuoja@example.fi.",
                        "Att läsa webbplatsen samlar inga personuppgifter och sätter inga kakor.\n\n"
                                + "Personuppgiftsansvarig: Kervo stad (exempel). Dataskyddsombud: tietosuoja@example.fi.",
                        "Reading this site collects no personal data and sets no cookies.\n\nController: City of"
                                + " Kerava (example). Data protection officer: tietosuoja@example.fi."),
                "PARTIAL",
                new LocalizedText(
                        "Automaattinen axe-core-tarkistus (WCAG 2.1 A ja AA) ei löytänyt virheitä sivuston"
                                + " sivuilta suomeksi, ruotsiksi tai englanniksi.\n\nSivustoa ei ole vielä testattu"
                                + " ruudunlukijoilla käyttäjien kanssa. Kuvioiden värien lisäksi tieto on"
                                + " taulukossa.",
                        "Den automatiska axe-core-kontrollen (WCAG 2.1 A och AA) hittade inga fel på sidorna"
                                + " på finska, svenska eller engelska.\n\nWebbplatsen har ännu inte testats med"
                                + " skärmläsare tillsammans med användare. Utöver diagrammens färger finns"
                                + " uppgifterna i tabeller.",
                        "The automated axe-core check (WCAG 2.1 A and AA) found no errors on the site's pages in"
                                + " Finnish, Swedish or English.\n\nThe site has not yet been tested with screen"
                                + " readers together with users. Beside the charts' colours, the figures are in"
                                + " tables."),
                "saavutettavuus@example.fi",
                LocalDate.of(2026, 12, 6),
                0,
                0);
    }
}
