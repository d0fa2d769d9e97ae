package fi.hyte.participation.demo;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.Answering;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.FormTokens;
import fi.hyte.participation.domain.JoysAndWorries;
import fi.hyte.participation.domain.PublicSites;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.PlanInfo;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo municipality's closed consultation on the draft plan with 60 example comments (two of
 * them removed by a moderator, with the reason), its themes and "you said, we did" answers, concluded;
 * and an open, standing joys-and-worries collection with residents' items and a workshop's results
 * grouped into themes linked to indicators. All of it is labelled as example content.
 */
@Component
class DemoYouSaidWeDid implements DemoContent {

    /** Twelve matters residents raise, each a theme; five ways of saying each make the 60 comments. */
    static final String[] MATTERS = {
        "koulupsykologille pääsy",
        "mielenterveyspalvelujen jonot",
        "nuorisotilojen aukiolo",
        "harrastusten hinta",
        "liikuntavuorojen jako",
        "ulkoilureittien valaistus",
        "turvallinen pyöräily kouluun",
        "puistojen kunto",
        "ikäihmisten kuljetuspalvelu",
        "yksinäisten tukeminen",
        "kouluruoan laatu",
        "kirjaston nuortentila"
    };

    static final String[] SAYINGS = {
        "Minulle tärkein asia tässä suunnitelmassa on %s.",
        "Toivon, että %s paranee jo ensi vuonna.",
        "Nyt %s toimii hyvin, pitäkää siitä kiinni.",
        "Meidän alueellamme %s on jäänyt muiden jalkoihin.",
        "Suunnitelmassa pitäisi sanoa selvemmin, kuka vastaa tästä: %s."
    };

    static final String[] AGES = {"UNDER_18", "18_29", "30_44", "45_64", "30_44", "UNDER_18", "45_64", "65_74"};
    static final String[] AREAS = {"04200", "04230", "04250", "04260", "04300", null};

    private final PublicSites sites;
    private final PlanCatalog plans;
    private final OrganisationCatalog organisations;
    private final ConsultationSetup setup;
    private final Consultations consultations;
    private final Answering answering;
    private final FormTokens tokens;
    private final YouSaidWeDid loop;
    private final JoysAndWorries joys;
    private final JdbcClient jdbc;
    private final DemoCouncilStatements councils;

    DemoYouSaidWeDid(
            PublicSites sites,
            PlanCatalog plans,
            OrganisationCatalog organisations,
            ConsultationSetup setup,
            Consultations consultations,
            Answering answering,
            FormTokens tokens,
            YouSaidWeDid loop,
            JoysAndWorries joys,
            JdbcClient jdbc,
            DemoCouncilStatements councils) {
        this.sites = sites;
        this.plans = plans;
        this.organisations = organisations;
        this.setup = setup;
        this.consultations = consultations;
        this.answering = answering;
        this.tokens = tokens;
        this.loop = loop;
        this.joys = joys;
        this.jdbc = jdbc;
        this.councils = councils;
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (organisations.summary(org).isEmpty()
                || sites.of(org).isEmpty()
                || !joys.collections(org).isEmpty()) {
            return;
        }
        Tenant tenant = new Tenant(org, null, "Hyte (demo)", Role.ADMIN);
        PlanCatalog.PlanContent content = plans.plans(org).stream()
                .filter(PlanInfo::example)
                .findFirst()
                .flatMap(p -> plans.content(org, p.id()))
                .orElse(null);
        if (content == null) {
            return;
        }
        consultation(tenant, content);
        joysAndWorries(tenant, content);
    }

    private void consultation(Tenant tenant, PlanCatalog.PlanContent content) {
        OrganisationId org = tenant.organisation();
        List<PlanCatalog.GoalInfo> goals =
                content.lines().stream().flatMap(l -> l.goals().stream()).toList();
        if (goals.isEmpty()) {
            return;
        }
        List<ConsultationSetup.SectionChoice> sections = goals.stream()
                .limit(4)
                .map(g -> new ConsultationSetup.SectionChoice(g.ref(), g.title()))
                .toList();
        Instant opens = Instant.parse("2026-09-01T06:00:00Z");
        Instant closes = Instant.parse("2026-10-15T20:00:00Z");
        UUID id = setup.create(
                tenant,
                new Consultation(
                        null,
                        org,
                        content.plan().id(),
                        new LocalizedText(
                                "Hyvinvointisuunnitelman luonnos: kerro mielipiteesi (esimerkki)",
                                "Utkastet till välfärdsplanen: säg din åsikt (exempel)",
                                "The draft wellbeing plan: tell us what you think (example)"),
                        new LocalizedText(
                                "Hyvinvointisuunnitelman luonnos oli kommentoitavana syys–lokakuussa. Kiitos kaikille"
                                        + " vastanneille! Kuulimme – teimme -sivulla kerromme, mitä kommenteille tehtiin.",
                                "Utkastet till välfärdsplanen var ute på remiss i september–oktober. Tack till alla"
                                        + " som svarade! På sidan Vi hörde – vi gjorde berättar vi vad vi gjorde med"
                                        + " kommentarerna.",
                                "The draft wellbeing plan was open for comments in September and October. Thank you"
                                        + " to everyone who answered! The You said, we did page tells what became of"
                                        + " the comments."),
                        opens,
                        closes,
                        "POST",
                        false,
                        councils.invited(org),
                        0),
                sections);
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
                        created.invitedBodies(),
                        created.version()));
        councils.enter(
                tenant,
                id,
                closes.atZone(java.time.ZoneId.of("Europe/Helsinki")).toLocalDate());
        Consultation c = consultations.find(org, id).orElseThrow();
        List<Consultation.Section> parts = consultations.sections(org, id);
        Instant at = Instant.parse("2026-09-03T09:00:00Z");
        int n = 0;
        for (int s = 0; s < SAYINGS.length; s++) {
            for (int m = 0; m < MATTERS.length; m++) {
                if (n >= 58) {
                    break;
                }
                Instant when = at.plusSeconds(3600L * 7 * n);
                answering.submit(
                        c,
                        new Answering.Submission(
                                tokens.issue(id, when),
                                null,
                                n % 3 == 0 ? null : "Keravalainen " + (n + 1),
                                AGES[n % AGES.length],
                                AREAS[n % AREAS.length],
                                null,
                                Map.of(parts.get(m % parts.size()).id(), capitalised(SAYINGS[s].formatted(MATTERS[m]))),
                                Map.of()),
                        "demo-consultation-" + n,
                        when);
                n++;
            }
        }
        // Two comments a moderator removed, with the moderation's own reason (the public page says
        // "removed by the moderator" and why).
        String[][] removed = {
            {"Naapurini Matti Virtanen soittaa musiikkia öisin, puhelin 040 123 4567.", "PERSONAL_DATA"},
            {"Te päättäjät olette kaikki idiootteja.", "HARASSMENT"}
        };
        for (String[] r : removed) {
            Instant when = at.plusSeconds(3600L * 7 * n);
            answering.submit(
                    c,
                    new Answering.Submission(
                            tokens.issue(id, when),
                            null,
                            null,
                            null,
                            null,
                            null,
                            Map.of(parts.get(0).id(), r[0]),
                            Map.of()),
                    "demo-consultation-" + n,
                    when);
            jdbc.sql("update consultation_response r set status = 'REMOVED', removed_reason = ?, moderated_by = 'demo',"
                            + " moderated_at = ? where organisation_id = ? and consultation_id = ? and exists (select 1"
                            + " from consultation_answer a where a.response_id = r.id and a.text = ?)")
                    .params(r[1], java.sql.Timestamp.from(when.plusSeconds(3600)), org.value(), id, r[0])
                    .update();
            n++;
        }
        // A theme per matter; each comment goes to its matter's theme.
        String[][] themes = {
            {"Nuorten mielenterveyspalveluihin pääsy", "Ungas tillgång till mentalvårdstjänster"},
            {"Nuorten vapaa-aika ja harrastukset", "Ungas fritid och hobbyer"},
            {"Turvallinen liikkuminen ja lähiympäristö", "Trygg rörlighet och närmiljö"},
            {"Ikäihmisten arki ja yksinäisyys", "Äldres vardag och ensamhet"},
            {"Kouluruoka", "Skolmaten"},
            {"Kirjaston nuortentila", "Bibliotekets ungdomsutrymme"}
        };
        int[] themeOfMatter = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
        for (String[] t : themes) {
            loop.addTheme(tenant, id, new LocalizedText(t[0], t[1], null));
        }
        // Created in one transaction, the themes share a creation time: find each by its title.
        Map<String, YouSaidWeDid.Theme> byTitle = new java.util.HashMap<>();
        loop.themes(org, id).forEach(t -> byTitle.put(t.title().fi(), t));
        List<YouSaidWeDid.Theme> made = new ArrayList<>();
        for (String[] t : themes) {
            made.add(byTitle.get(t[0]));
        }
        List<List<UUID>> grouped = new ArrayList<>();
        made.forEach(t -> grouped.add(new ArrayList<>()));
        for (YouSaidWeDid.Comment comment : loop.comments(org, id)) {
            for (int m = 0; m < MATTERS.length; m++) {
                if (comment.text().toLowerCase().contains(MATTERS[m])) {
                    grouped.get(themeOfMatter[m]).add(comment.id());
                    break;
                }
            }
        }
        for (int i = 0; i < made.size(); i++) {
            loop.group(tenant, id, made.get(i).id(), grouped.get(i));
        }
        List<String> goalRefs = goals.stream().map(PlanCatalog.GoalInfo::ref).toList();
        List<String> measureRefs = goals.stream()
                .flatMap(g -> g.measures().stream())
                .map(PlanCatalog.MeasureInfo::ref)
                .toList();
        String goal1 = goalRefs.get(0);
        String goal2 = goalRefs.get(Math.min(1, goalRefs.size() - 1));
        String goal3 = goalRefs.get(Math.min(2, goalRefs.size() - 1));
        Set<String> withMeasure = new LinkedHashSet<>(List.of(goal1));
        if (!measureRefs.isEmpty()) {
            withMeasure.add(measureRefs.get(0));
        }
        answer(
                tenant,
                id,
                made.get(0),
                "PLAN_CHANGED",
                "Lisäsimme tavoitteeseen toimenpiteen: koulupsykologin vastaanotolle pääsee viikon sisällä."
                        + " Seuraamme jonoja puolivuosittain.",
                "Vi lade till en åtgärd i målet: man får tid hos skolpsykologen inom en vecka. Vi följer köerna"
                        + " varje halvår.",
                null,
                List.copyOf(withMeasure));
        answer(
                tenant,
                id,
                made.get(1),
                "COVERED",
                "Maksuton harrastaminen ja nuorisotilojen iltakäyttö ovat jo suunnitelmassa. Kerromme niiden"
                        + " etenemisestä tällä sivustolla.",
                "Avgiftsfria hobbyer och kvällsöppna ungdomsgårdar finns redan i planen. Vi berättar om hur de"
                        + " framskrider på denna webbplats.",
                null,
                List.of(goal2));
        answer(
                tenant,
                id,
                made.get(2),
                "PLAN_CHANGED",
                "Lisäsimme suunnitelmaan koulureittien ja ulkoilureittien valaistuksen tarkastuksen vuosittain.",
                "Vi lade till en årlig kontroll av belysningen på skolvägar och friluftsleder i planen.",
                null,
                List.of(goal3));
        answer(
                tenant,
                id,
                made.get(3),
                "COVERED",
                "Yksinäisyyden vähentäminen on suunnitelman painopiste; kuljetuspalvelun kehittäminen kuuluu"
                        + " hyvinvointialueen kanssa sovittuihin toimiin.",
                "Att minska ensamheten är ett fokusområde i planen; färdtjänsten utvecklas i samarbete med"
                        + " välfärdsområdet.",
                null,
                List.of(goalRefs.get(goalRefs.size() - 1)));
        answer(
                tenant,
                id,
                made.get(4),
                "ELSEWHERE",
                "Kouluruoasta päättää opetuslautakunta. Voit tehdä asiasta kuntalaisaloitteen.",
                "Om skolmaten beslutar utbildningsnämnden. Du kan göra ett invånarinitiativ i frågan.",
                "https://www.kuntalaisaloite.fi",
                List.of());
        answer(
                tenant,
                id,
                made.get(5),
                "NOT_TAKEN",
                "Kirjaston aukioloajat päätetään kirjaston omassa talousarviossa, eikä hyvinvointisuunnitelmaan"
                        + " lisätty niistä tavoitetta. Palaute välitettiin kirjastolle.",
                "Bibliotekets öppettider beslutas i bibliotekets egen budget och planen fick inget mål om dem."
                        + " Responsen skickades till biblioteket.",
                null,
                List.of());
        // The councils' statements are answered like the residents' themes, or it could not be concluded.
        for (CouncilStatements.Statement statement : loop.statements(tenant.organisation(), id)) {
            loop.answer(
                    tenant,
                    id,
                    new YouSaidWeDid.Reply(
                            "STATEMENT",
                            statement.id(),
                            "COVERED",
                            "Lausunnon näkökohdat sisältyvät suunnitelman tavoitteisiin. Kerromme niiden etenemisestä"
                                    + " tällä sivustolla.",
                            "Utlåtandets synpunkter ingår i planens mål. Vi berättar om hur de framskrider på denna"
                                    + " webbplats.",
                            null,
                            List.of(goalRefs.get(0)),
                            null));
        }
        List<String> problems = loop.conclude(tenant, id, Instant.now());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The demo consultation could not be concluded: " + problems);
        }
    }

    private void answer(
            Tenant tenant,
            UUID consultation,
            YouSaidWeDid.Theme theme,
            String outcome,
            String fi,
            String sv,
            String url,
            List<String> links) {
        loop.answer(
                tenant, consultation, new YouSaidWeDid.Reply("THEME", theme.id(), outcome, fi, sv, url, links, null));
    }

    private void joysAndWorries(Tenant tenant, PlanCatalog.PlanContent content) {
        OrganisationId org = tenant.organisation();
        JoysAndWorries.Result result = joys.create(
                tenant,
                new LocalizedText(
                        "Mikä Keravalla on hyvää? Mikä huolestuttaa? (esimerkki)",
                        "Vad är bra i Kervo? Vad oroar? (exempel)",
                        "What is good in Kerava? What worries you? (example)"),
                new LocalizedText(
                        "Kerro meille ilot ja huolet omasta arjestasi. Kokoamme ne teemoiksi hyvinvointikertomukseen,"
                                + " tilastojen rinnalle.",
                        "Berätta om glädjeämnen och bekymmer i din vardag. Vi sammanställer dem i teman för"
                                + " välfärdsberättelsen, vid sidan av statistiken.",
                        "Tell us the joys and worries of your everyday life. We gather them into themes for the"
                                + " wellbeing report, beside the statistics."),
                Instant.parse("2026-11-01T06:00:00Z"),
                null,
                true);
        UUID id = result.id();
        JoysAndWorries.Collection c = joys.find(org, id).orElseThrow();
        joys.publish(tenant, id, true, c.version());
        c = joys.find(org, id).orElseThrow();
        String[][] items = {
            {"JOY", "Ulkoilureitit ja Keravanjoen varsi ovat upeita.", "45_64"},
            {"JOY", "Kirjastossa on aina tilaa lukea ja tavata ihmisiä.", "65_74"},
            {"JOY", "Maksuton kerho koulun jälkeen on lapselleni tärkeä.", "30_44"},
            {"JOY", "Nuorisotalolla on hyvä meininki ja ohjaajat ovat kivoja.", "UNDER_18"},
            {"JOY", "Lähiliikuntapaikat ovat lähellä kotia.", "30_44"},
            {"WORRY", "Nuorten on vaikea päästä mielenterveyspalveluihin.", "18_29"},
            {"WORRY", "Iltaisin asemalla ei tunnu turvalliselta.", "18_29"},
            {"WORRY", "Äitini on yksinäinen eikä pääse kotoa minnekään.", "45_64"},
            {"WORRY", "Harrastukset ovat liian kalliita monelle perheelle.", "30_44"},
            {"WORRY", "Koulumatkalla on vaarallinen risteys ilman valoja.", "30_44"}
        };
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        for (int i = 0; i < items.length; i++) {
            Instant when = at.plusSeconds(3600L * 9 * i);
            joys.submit(
                    c,
                    new JoysAndWorries.Submission(
                            tokens.issue(id, when), null, items[i][0], items[i][1], null, items[i][2], "04200"),
                    "demo-joys-" + i,
                    when);
        }
        String source = "Nuorisovaltuuston työpaja 4.11.2026 (esimerkki)";
        joys.addWorkshopItem(tenant, id, "JOY", "Skeittipuisto on nuorten oma paikka.", source, null, "UNDER_18", null);
        joys.addWorkshopItem(
                tenant, id, "WORRY", "Moni nuori jää yksin välitunneilla ja iltaisin.", source, null, "UNDER_18", null);
        joys.addWorkshopItem(
                tenant, id, "WORRY", "Koulupsykologille joutuu jonottamaan viikkoja.", source, null, "UNDER_18", null);
        List<Integer> indicatorIds = content.lines().stream()
                .flatMap(l -> l.goals().stream())
                .flatMap(g -> g.targets().stream())
                .map(PlanCatalog.TargetInfo::indicatorId)
                .distinct()
                .toList();
        List<Integer> first = indicatorIds.isEmpty() ? List.of() : List.of(indicatorIds.get(0));
        List<Integer> second = indicatorIds.size() < 2 ? first : List.of(indicatorIds.get(1));
        String[][] themes = {
            {"JOY", "Luonto ja lähiliikunta", "Naturen och närmotion"},
            {"JOY", "Kohtaamispaikat lapsille, nuorille ja ikäihmisille", "Mötesplatser för barn, unga och äldre"},
            {"WORRY", "Nuorten mielen hyvinvointi ja yksinäisyys", "Ungas psykiska välbefinnande och ensamhet"},
            {"WORRY", "Turvallisuus ja harrastusten hinta", "Trygghet och kostnaden för hobbyer"}
        };
        List<UUID> themeIds = new ArrayList<>();
        for (int i = 0; i < themes.length; i++) {
            themeIds.add(joys.addTheme(
                            tenant,
                            id,
                            themes[i][0],
                            new LocalizedText(themes[i][1], themes[i][2], null),
                            i % 2 == 0 ? first : second)
                    .id());
        }
        List<List<UUID>> grouped = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JoysAndWorries.Item item : joys.items(org, id, false)) {
            String text = item.text();
            int theme;
            if (item.kind().equals("JOY")) {
                theme = text.contains("Ulkoilu") || text.contains("liikunta") || text.contains("Skeitti") ? 0 : 1;
            } else {
                theme = text.contains("mielenterveys") || text.contains("yksin") || text.contains("psykologi") ? 2 : 3;
            }
            grouped.get(theme).add(item.id());
        }
        for (int i = 0; i < themeIds.size(); i++) {
            if (themeIds.get(i) != null) {
                joys.group(tenant, id, themeIds.get(i), grouped.get(i));
            }
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
