package fi.hyte.plan.domain;

import static fi.hyte.plan.domain.MeasureStatus.CANCELLED;
import static fi.hyte.plan.domain.MeasureStatus.DONE;
import static fi.hyte.plan.domain.MeasureStatus.LATE;
import static fi.hyte.plan.domain.MeasureStatus.ONGOING;
import static fi.hyte.plan.domain.MeasureStatus.PLANNED;
import static fi.hyte.plan.domain.Realisation.NO;
import static fi.hyte.plan.domain.Realisation.PARTLY;
import static fi.hyte.plan.domain.Realisation.YES;
import static fi.hyte.plan.domain.TargetGroup.CARERS;
import static fi.hyte.plan.domain.TargetGroup.CHILDREN;
import static fi.hyte.plan.domain.TargetGroup.DISABLED;
import static fi.hyte.plan.domain.TargetGroup.EVERYONE;
import static fi.hyte.plan.domain.TargetGroup.FAMILIES;
import static fi.hyte.plan.domain.TargetGroup.IMMIGRANTS;
import static fi.hyte.plan.domain.TargetGroup.LONELY;
import static fi.hyte.plan.domain.TargetGroup.LOW_INCOME;
import static fi.hyte.plan.domain.TargetGroup.OLDER;
import static fi.hyte.plan.domain.TargetGroup.UNEMPLOYED;
import static fi.hyte.plan.domain.TargetGroup.WORKING_AGE;
import static fi.hyte.plan.domain.TargetGroup.YOUNG;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example content: Kerava (demo)'s wellbeing plan for the council term 2025–2029, labelled as an
 * example wherever it shows. Four policy lines, twelve goals with indicator targets and 45 measures of
 * all five sectors, with owners, partners, schedules, resources and budget links, and the evaluations
 * of 2025 for about two thirds of the goals and measures; the rest are missing, so that the overdue
 * evaluations show as reminders. Everything goes in through {@link PlanEditing}, audited like a
 * user's work.
 *
 * <p>The texts are invented, and so are the values of the goals' local indicators (the indicator
 * module's demo file {@code indicators/demo/local-kerava.csv}). The targets are set so that, judged
 * against the 2023 baselines, some goals are on track, some behind, some off track and one reached
 * already, while Sotkanet's 683 (latest value 2023) has no new data yet.
 *
 * <p>Gaps are left on purpose, so that the plan's gaps view has something to show:
 * <ul>
 *   <li>the goal on young people's substance use has no owner (the wellbeing group has not agreed who);
 *   <li>the goal on walking and cycling, added in 2026, has neither measures nor indicators yet;
 *   <li>the measure that brings schoolchildren and older people together has no resources recorded.
 * </ul>
 */
@Component
public class DemoPlan implements DemoContent {

    public static final String TITLE = "Hyvinvointisuunnitelma 2025–2029 (esimerkki)";

    /** The year the goals' baselines are taken from: the latest with data when the plan was drafted. */
    public static final int BASELINE_YEAR = 2023;

    public static final int TARGET_YEAR = 2029;

    private static final String CENTRAL = "Konsernipalvelut";
    private static final String EDUCATION = "Kasvatus ja oppiminen";
    private static final String LEISURE = "Vapaa-aika ja hyvinvointi";
    private static final String ENVIRONMENT = "Kaupunkiympäristö";
    private static final String VITALITY = "Elinvoima ja työllisyys";

    private static final String PHYSICAL = "Fyysinen hyvinvointi";
    private static final String MENTAL = "Psyykkinen hyvinvointi";
    private static final String SOCIAL = "Sosiaalinen hyvinvointi";
    private static final String SURROUNDINGS = "Ympäristön hyvinvointi";

    private static final String COUNTY = "Vantaan ja Keravan hyvinvointialue";
    private static final String PARISH = "Keravan seurakunta";
    private static final String CLUBS = "Keravan liikuntaseurat ry";

    /** An evidence link of the example evaluations: the city's front page, not a real report. */
    private static final String EXAMPLE_URL = "https://www.kerava.fi/";

    private final Plans plans;
    private final Goals goals;
    private final PlanEditing editing;
    private final OrganisationCatalog organisations;
    private final IndicatorCatalog indicators;

    DemoPlan(
            Plans plans,
            Goals goals,
            PlanEditing editing,
            OrganisationCatalog organisations,
            IndicatorCatalog indicators) {
        this.plans = plans;
        this.goals = goals;
        this.editing = editing;
        this.organisations = organisations;
        this.indicators = indicators;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (organisations.summary(org).isEmpty() || !plans.of(org).isEmpty()) {
            return;
        }
        Tenant tenant = new Tenant(org, null, "Hyte (demo)", Role.ADMIN);
        Plan plan = editing.createPlan(
                tenant,
                new Plan(
                        null,
                        LocalizedText.of(TITLE, "Välfärdsplan 2025–2029 (exempel)"),
                        2025,
                        TARGET_YEAR,
                        "Keravan kaupunkistrategia 2025–2029 (esimerkki)",
                        null,
                        true,
                        0));
        Writing w = new Writing(tenant, plan.id());
        childrenAndYoungPeople(w);
        workingAge(w);
        olderPeople(w);
        surroundingsAndParticipation(w);
    }

    private static void childrenAndYoungPeople(Writing w) {
        UUID line = w.line(
                "Lapset ja nuoret voivat hyvin ja löytävät paikkansa",
                "Barn och unga mår bra och hittar sin plats",
                "Jokaisella lapsella ja nuorella on turvallinen aikuinen, kaveri ja mieluisaa tekemistä. Tuki tulee"
                        + " ajoissa ja sieltä, missä nuoret ovat: koulusta, harrastuksista ja nuorisotyöstä.",
                "Varje barn och ung har en trygg vuxen, en kompis och något meningsfullt att göra. Stödet kommer i"
                        + " tid och där de unga finns: i skolan, på fritiden och i ungdomsarbetet.",
                "Kaupunkistrategia 2025–2029, tavoite 1: Lapsi- ja nuorisoystävällinen Kerava (esimerkki)");

        UUID hobbies = w.goal(
                        line,
                        "Jokaisella lapsella ja nuorella on mieluisa harrastus",
                        "Varje barn och ung har en fritidssysselsättning som hen tycker om")
                .about("Harrastus vahvistaa osallisuutta, liikkumista ja kaverisuhteita. Maksuttomat kerhot koulupäivän"
                        + " yhteydessä tavoittavat myös ne, joille harrastaminen on ollut liian kallista tai vaikeasti"
                        + " saavutettavaa.")
                .dimensions(PHYSICAL, SOCIAL)
                .groups(CHILDREN, YOUNG, LOW_INCOME, IMMIGRANTS)
                .inequality("Pienituloisten ja vieraskielisten perheiden lapset harrastavat muita harvemmin; kerhojen"
                        + " osallistujia seurataan koulun ja kielitaustan mukaan.")
                .ownedBy("Mikko Korhonen")
                .save();
        w.target(hobbies, "harrastus-8-9", "total", "70.0", null);
        w.evaluateGoal(
                hobbies,
                YES,
                "Tavoite etenee suunnitellusti: viikoittain harrastavien 8.–9.-luokkalaisten osuus nousi 64,8"
                        + " prosenttiin (2023: 60,2 %). Maksuttomia kerhoja oli kaikissa peruskouluissa.",
                "Nuorisokysely 2025; Harrastamisen Suomen mallin väliraportti 12/2025",
                EXAMPLE_URL);
        w.measure(
                        hobbies,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Harrastamisen Suomen malli: maksuttomat harrastuskerhot koulupäivän yhteydessä",
                        "Kerhot valitaan oppilaiden toiveiden mukaan ja pidetään koulun tiloissa heti koulupäivän"
                                + " jälkeen. Ohjaajat tulevat seuroista, yhdistyksistä ja yrityksistä.")
                .with(EDUCATION)
                .partners(CLUBS + ", kulttuuri- ja taideyhdistykset, yritykset (kerhojen ohjaajat)")
                .runs("2025-01-01", "2029-12-31")
                .work("1.0")
                .euros(60_000)
                .grant("Harrastamisen Suomen malli -valtionavustus (opetus- ja kulttuuriministeriö)", 185_000)
                .premises("Koulujen liikuntasalit, luokat ja kotitalousluokat iltapäivisin")
                .budget("TA 2026 sitova tavoite: Vapaa-aika 2", true)
                .evaluated(
                        YES,
                        "Syksyllä 2025 kerhoja oli 64 kaikissa yhdessätoista peruskoulussa, ja niihin osallistui 1 020"
                                + " oppilasta.",
                        "Harrastamisen Suomen mallin väliraportti 12/2025",
                        EXAMPLE_URL)
                .save(ONGOING, 45);
        w.measure(
                        hobbies,
                        EDUCATION,
                        "Sari Mäkinen",
                        "Harrastustoiveiden kysely 1.–9.-luokkalaisille joka kevät",
                        "Kysely tehdään oppitunnilla, ja tulokset ohjaavat seuraavan lukuvuoden kerhotarjontaa.")
                .with(LEISURE)
                .runs("2025-01-15", "2029-12-31")
                .work("0.1")
                .budget("TA 2026 Perusopetus, käyttötalous", false)
                .save(ONGOING, 40);
        w.measure(
                        hobbies,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Harrastustuki pienituloisten perheiden lapsille",
                        "Kausimaksut ja välineet korvataan lapsille, joiden perhe saa toimeentulotukea tai jonka"
                                + " diakonia- tai sosiaalityöntekijä ohjaa tukeen.")
                .partners(PARISH + " (diakonia), " + COUNTY + " (perhesosiaalityö), " + CLUBS)
                .runs("2026-01-01", "2029-12-31")
                .work("0.2")
                .euros(40_000)
                .budget("TA 2026 Vapaa-aika ja hyvinvointi: avustukset", false)
                .save(ONGOING, 25);
        w.measure(
                        hobbies,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Koulujen liikuntasalit maksutta nuorten omaehtoiseen liikuntaan perjantai-iltaisin",
                        "Tilapalvelut avaa kaksi liikuntasalia nuorille perjantai-iltaisin; nuorisotyö on paikalla.")
                .with(LEISURE)
                .runs("2025-01-01", "2025-12-31")
                .euros(12_000)
                .premises("Kahden koulun liikuntasalit perjantai-iltaisin")
                .budget("TA 2025 Tilapalvelut, käyttötalous", false)
                .evaluated(
                        YES,
                        "Vuoroja oli 38 iltana, keskimäärin 46 nuorta illassa. Toiminta vakiintui osaksi nuorisotyötä.",
                        "Tilapalveluiden varausjärjestelmän raportti; nuorisotyön kävijäseuranta",
                        null)
                .save(DONE, 100);

        UUID loneliness = w.goal(line, "Nuorten yksinäisyys vähenee", "Ungas ensamhet minskar")
                .about("Yksinäisyys on yhteydessä mielenterveyden ongelmiin ja koulupudokkuuteen. Kaverisuhteita"
                        + " vahvistetaan koulussa, nuorisotyössä ja ryhmissä, ja yksinäisiä nuoria etsitään"
                        + " aktiivisesti.")
                .dimensions(MENTAL, SOCIAL)
                .groups(YOUNG, LONELY, IMMIGRANTS)
                .inequality("Tytöistä yksinäisyyttä kokee lähes kaksinkertainen osuus poikiin verrattuna, joten"
                        + " tytöille asetetaan oma tavoite. Myös vieraskieliset nuoret kokevat yksinäisyyttä muita"
                        + " useammin.")
                .ownedBy("Hanna Heikkinen")
                .save();
        w.target(loneliness, "yksinaisyys-8-9", "total", "9.0", null);
        w.target(loneliness, "yksinaisyys-8-9", "female", "12.0", null);
        w.evaluateGoal(
                loneliness,
                NO,
                "Yksinäisyyttä kokevien osuus kasvoi edelleen (12,9 %, tytöt 17,0 %). Pienryhmät käynnistyivät vasta"
                        + " syksyllä. Hyvinvointiryhmä esittää vuoden 2026 painopisteiksi tyttöjen ryhmät ja koulujen"
                        + " yhteisöllisyysmallin laajentamisen.",
                "Nuorisokysely 2025 sukupuolittain; nuorisopalveluiden toimintatilastot 2025",
                null);
        w.measure(
                        loneliness,
                        LEISURE,
                        "Hanna Heikkinen",
                        "Jalkautuva nuorisotyö kauppakeskuksissa, asemalla ja verkossa",
                        "Nuorisotyöntekijät liikkuvat siellä, missä nuoret viettävät aikaa, ja päivystävät"
                                + " pelialustoilla ja sosiaalisessa mediassa kolmena iltana viikossa.")
                .partners(COUNTY + ", poliisi, " + PARISH)
                .runs("2025-01-01", "2029-12-31")
                .work("2.0")
                .euros(110_000)
                .budget("TA 2026 sitova tavoite: Nuorisopalvelut 1", true)
                .evaluated(
                        YES,
                        "Jalkautuvaa työtä tehtiin 180 iltana; kohtaamisia kirjattiin noin 4 300, ja 61 nuorta ohjattiin"
                                + " ryhmiin tai palveluihin.",
                        "Nuorisopalveluiden kohtaamistilasto 2025",
                        null)
                .save(ONGOING, 50);
        w.measure(
                        loneliness,
                        LEISURE,
                        "Hanna Heikkinen",
                        "Pienryhmät yksinäisyyttä kokeville nuorille yhdessä seurakunnan kanssa",
                        "Suljetut 6–8 nuoren ryhmät kokoontuvat kymmenen kertaa. Nuoret ohjautuvat kouluista,"
                                + " jalkautuvasta työstä ja seurakunnan nuorisotyöstä.")
                .partners(PARISH + ", MIELI Suomen Mielenterveys ry (ohjaajakoulutus)")
                .runs("2025-03-01", "2026-06-30")
                .work("0.5")
                .grant("STEA:n kohdennettu toiminta-avustus", 45_000)
                .premises("Nuorisotalon ryhmätila")
                .budget("TA 2026 Nuorisopalvelut, käyttötalous", false)
                .evaluated(
                        PARTLY,
                        "Ryhmät alkoivat vasta syksyllä, koska avustuspäätös viivästyi. Kahdessa ryhmässä oli 14 nuorta;"
                                + " kevään ryhmät jäivät pitämättä.",
                        "Ryhmien osallistujaseuranta ja palautekysely",
                        null)
                .save(LATE, 30);
        w.measure(
                        loneliness,
                        EDUCATION,
                        "Sari Mäkinen",
                        "Koulujen yhteinen yhteisöllisyysmalli: ryhmäytys 7. luokalla, tukioppilaat ja kiusaamisen"
                                + " ehkäisy",
                        "Jokainen yläkoulu ryhmäyttää seitsemäsluokkalaiset syksyn alussa, ja tukioppilaat"
                                + " koulutetaan yhteisen mallin mukaan.")
                .with(LEISURE)
                .partners(COUNTY + " (koulukuraattorit ja -psykologit)")
                .runs("2025-08-01", "2029-06-30")
                .work("0.6")
                .euros(15_000)
                .premises("Koulut")
                .budget("TA 2026 sitova tavoite: Perusopetus 3", true)
                .evaluated(
                        YES,
                        "Kaikki neljä yläkoulua ryhmäyttivät seitsemäsluokkalaiset, ja 52 tukioppilasta koulutettiin.",
                        "Koulujen lukuvuosiraportit 2025–2026",
                        EXAMPLE_URL)
                .save(ONGOING, 60);
        w.measure(
                        loneliness,
                        EDUCATION,
                        "Mikko Korhonen",
                        "Oma kysely nuorten digitaalisesta elämästä ja yksinäisyydestä",
                        "Peruttu syksyllä 2025: kysymykset otettiin nuorisokyselyn lisäosaan, joten erillistä"
                                + " kyselyä ei tarvita.")
                .runs("2025-09-01", "2025-12-31")
                .euros(8_000)
                .save(CANCELLED, 0);
        w.measure(
                        loneliness,
                        LEISURE,
                        "Hanna Heikkinen",
                        "Nuorisovaltuuston kampanja ”Kysy kaverilta”",
                        "Nuorisovaltuusto suunnitteli ja toteutti kouluissa ja somessa kampanjan, joka rohkaisee"
                                + " ottamaan yksin jäävän mukaan.")
                .with(CENTRAL)
                .partners("Nuorisovaltuusto")
                .runs("2026-02-01", "2026-05-31")
                .euros(3_000)
                .save(DONE, 100);

        // A gap on purpose: the wellbeing group has not agreed who owns this goal.
        UUID substances = w.goal(
                        line,
                        "Nuorten päihteiden käyttö vähenee ja mielen hyvinvointia tuetaan matalalla kynnyksellä",
                        "Ungas rusmedelsbruk minskar och deras psykiska välbefinnande stöds med låg tröskel")
                .about("Ehkäisevä päihdetyö ja mielenterveystaidot kuuluvat jokaisen nuoren arkeen. Kaupunki vastaa"
                        + " ehkäisevästä työstä ja yhteistyöstä; hoito ja korjaava tuki ovat hyvinvointialueen"
                        + " palveluja.")
                .dimensions(MENTAL, PHYSICAL)
                .groups(YOUNG, FAMILIES)
                .inequality("Humalajuominen ja sen haitat kasautuvat nuorille, joiden perheellä on taloudellisia"
                        + " vaikeuksia; vanhempainiltojen ja matalan kynnyksen tuen tiedotus kohdennetaan myös heille.")
                .save();
        w.target(substances, "paihteet-8-9", "total", "6.5", null);
        w.measure(
                        substances,
                        CENTRAL,
                        "Laura Nieminen",
                        "Ehkäisevän päihdetyön toimintasuunnitelma ja Pakka-toimintamalli",
                        "Alkoholin ja tupakan myynnin omavalvontaa tuetaan yhdessä kauppojen, ravintoloiden ja"
                                + " viranomaisten kanssa; toimintasuunnitelma päivitetään vuosittain.")
                .with(LEISURE, VITALITY)
                .partners(COUNTY + ", poliisi, kaupat ja ravintolat")
                .runs("2025-02-01", "2029-12-31")
                .work("0.3")
                .euros(5_000)
                .budget("TA 2026 Konsernipalvelut: hyvinvoinnin edistäminen", false)
                .evaluated(
                        PARTLY,
                        "Toimintasuunnitelma hyväksyttiin, ja ostokokeet tehtiin kahdesti. Ravintoloiden koulutus siirtyi"
                                + " vuodelle 2026.",
                        "Ehkäisevän päihdetyön vuosiraportti 2025",
                        null)
                .save(ONGOING, 35);
        w.measure(
                        substances,
                        EDUCATION,
                        "Sari Mäkinen",
                        "Päihdekasvatus 7.–9. luokilla ja vanhempainillat",
                        "Terveystiedon päihdekasvatusta täydennetään vanhempainilloilla, joissa nuorten päihdepalvelut ja"
                                + " seurakunta ovat mukana.")
                .with(LEISURE)
                .partners(COUNTY + " (nuorten päihdepalvelut), " + PARISH)
                .runs("2025-08-01", "2029-06-30")
                .work("0.2")
                .save(ONGOING, 50);
        w.measure(
                        substances,
                        LEISURE,
                        "Hanna Heikkinen",
                        "Nuorten matalan kynnyksen kohtaamispaikka viikonloppuiltoihin",
                        "Päihteetön kohtaamispaikka on auki perjantai- ja lauantai-iltaisin; paikalla on nuorisotyön ja"
                                + " järjestön työntekijä.")
                .partners("Nuorisoalan järjestöt, " + PARISH)
                .runs("2027-01-01", "2029-12-31")
                .work("1.0")
                .euros(55_000)
                .premises("Nuorisotalo")
                .budget("TA 2027 (valmisteilla): Nuorisopalvelut", false)
                .save(PLANNED, 10);
        w.measure(
                        substances,
                        EDUCATION,
                        "Sari Mäkinen",
                        "Mielenterveystaitojen tunnit 5. ja 8. luokille",
                        "Opettajat pitävät kolme tuntia mielenterveystaidoista valmiin oppimateriaalin avulla.")
                .partners("MIELI Suomen Mielenterveys ry (oppimateriaalit)")
                .runs("2025-01-01", "2025-12-31")
                .work("0.1")
                .evaluated(
                        YES,
                        "Tunnit pidettiin kaikilla 5. ja 8. luokilla, ja opettajien palaute oli myönteistä.",
                        "Opetuspäällikön kysely rehtoreille 12/2025",
                        null)
                .save(DONE, 100);
    }

    private static void workingAge(Writing w) {
        UUID line = w.line(
                "Työikäiset liikkuvat, jaksavat ja työllistyvät",
                "Personer i arbetsför ålder rör på sig, orkar och får arbete",
                "Liikunta, työ ja toimeentulo kantavat hyvinvointia. Kaupunki auttaa vähän liikkuvia liikunnan pariin"
                        + " ja vahvistaa työllisyyspalveluita, jotka kunnat järjestävät vuoden 2025 alusta.",
                "Motion, arbete och försörjning bär välfärden. Staden hjälper dem som rör sig lite att komma i gång"
                        + " och stärker sysselsättningstjänsterna, som kommunerna ordnar från och med 2025.",
                "Kaupunkistrategia 2025–2029, tavoite 2: Elinvoimainen ja työllistävä Kerava (esimerkki)");

        UUID exercise = w.goal(
                        line,
                        "Vähän liikkuvat työikäiset löytävät liikunnan pariin",
                        "Personer i arbetsför ålder som rör sig lite kommer i gång med motion")
                .about("Liikuntaneuvonta, matalan kynnyksen ryhmät ja lähiliikuntapaikat madaltavat kynnystä aloittaa."
                        + " Ohjautumisesta neuvontaan sovitaan terveysasemien ja työterveyshuoltojen kanssa.")
                .dimensions(PHYSICAL)
                .groups(WORKING_AGE, UNEMPLOYED, DISABLED)
                .inequality("Vähiten liikkuvat työttömät, pienituloiset ja osatyökykyiset; ryhmät ovat heille"
                        + " maksuttomia.")
                .ownedBy("Jussi Lehtonen")
                .save();
        w.target(exercise, "liikuntaneuvonta", "total", "400", null);
        w.evaluateGoal(
                exercise,
                PARTLY,
                "Liikuntaneuvonnan asiakkaita oli 241 (2023: 205), mikä jää tavoitepolulta. Ohjautuminen"
                        + " terveysasemilta ei vielä toimi; ulkokuntosaleista valmistui kaksi kolmesta.",
                "Liikuntapalveluiden asiakastilasto 2025",
                null);
        w.measure(
                        exercise,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Liikuntaneuvonta vähän liikkuville aikuisille",
                        "Liikuntaneuvoja tekee asiakkaan kanssa puolen vuoden liikuntasuunnitelman. Asiakkaat"
                                + " ohjautuvat terveysasemilta, työterveyshuolloista ja työllisyyspalveluista.")
                .with(VITALITY)
                .partners(COUNTY + " (terveysasemat), työterveyshuollot")
                .runs("2025-01-01", "2029-12-31")
                .work("1.5")
                .euros(20_000)
                .premises("Liikuntakeskus ja palvelukeskuksen neuvontahuone")
                .budget("TA 2026 sitova tavoite: Vapaa-aika 2", true)
                .evaluated(
                        PARTLY,
                        "Asiakasmäärä kasvoi, mutta terveysasemilta ohjattiin vain 38 asiakasta. Ohjauskäytännöstä"
                                + " sovitaan hyvinvointialueen kanssa keväällä 2026.",
                        "Liikuntaneuvonnan asiakastilasto 2025",
                        null)
                .save(ONGOING, 40);
        w.measure(
                        exercise,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Matalan kynnyksen liikuntaryhmät työttömille ja osatyökykyisille",
                        "Kuntosali-, vesi- ja kävelyryhmät ovat maksuttomia työllisyyspalveluiden asiakkaille.")
                .with(VITALITY)
                .partners(CLUBS)
                .runs("2025-09-01", "2029-12-31")
                .euros(18_000)
                .premises("Uimahalli ja liikuntakeskuksen kuntosali")
                .save(ONGOING, 30);
        w.measure(
                        exercise,
                        CENTRAL,
                        "Anna Virtanen",
                        "Kaupungin henkilöstön taukoliikunta ja liikuntaetu",
                        "Esihenkilöt sopivat tiimeissä taukoliikunnasta, ja liikuntaetu laajenee osa-aikaisiin.")
                .partners("Työterveyshuolto")
                .runs("2025-01-01", "2026-12-31")
                .euros(25_000)
                .budget("TA 2026 Henkilöstöpalvelut: työhyvinvointi", false)
                .evaluated(
                        YES,
                        "Liikuntaetua käytti 58 % henkilöstöstä (2024: 47 %).",
                        "Henkilöstöraportti 2025",
                        EXAMPLE_URL)
                .save(ONGOING, 70);
        w.measure(
                        exercise,
                        VITALITY,
                        "Tiina Laine",
                        "Yritysten hyvinvointiverkosto pienten yritysten henkilöstölle",
                        "Pienet yritykset saavat henkilöstölleen yhteisiä liikuntavuoroja ja hyvinvointitapahtumia.")
                .with(LEISURE)
                .partners("Paikalliset yritykset ja yrittäjäjärjestö")
                .runs("2027-01-01", "2027-12-31")
                .work("0.2")
                .save(PLANNED, 5);
        w.measure(
                        exercise,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Ulkokuntosalit ja kuntoportaat kolmelle asuinalueelle",
                        "Ulkokuntosalit rakennetaan asuinalueille, joilla on vähiten liikuntapaikkoja.")
                .with(LEISURE)
                .runs("2025-04-01", "2026-10-31")
                .euros(180_000)
                .budget("Investointiosa 2025–2026: liikuntapaikat", true)
                .evaluated(
                        PARTLY,
                        "Kaksi kolmesta ulkokuntosalista valmistui; kuntoportaiden urakka siirtyi valitusten vuoksi.",
                        "Investointien toteutumaraportti 2025",
                        null)
                .save(LATE, 60);

        UUID employment = w.goal(
                        line,
                        "Työttömien työllistyminen avoimille työmarkkinoille paranee",
                        "Fler arbetslösa får arbete på den öppna arbetsmarknaden")
                .about("Työllisyyspalvelut siirtyivät kaupungin vastuulle vuoden 2025 alussa. Palveluohjaus, palkkatuki"
                        + " ja kuntouttava työtoiminta kootaan poluiksi, joilla työtön etenee kohti työtä tai"
                        + " koulutusta.")
                .dimensions(SOCIAL, MENTAL)
                .groups(WORKING_AGE, UNEMPLOYED, YOUNG)
                .inequality("Pitkäaikaistyöttömät ja nuoret, joilla ei ole toisen asteen tutkintoa, työllistyvät"
                        + " heikoimmin; palvelua kohdennetaan heihin.")
                .ownedBy("Ville Koskinen")
                .save();
        w.target(employment, "tyollistyneet", "total", "30.0", null);
        w.evaluateGoal(
                employment,
                YES,
                "Työllistyneiden osuus nousi 25,2 prosenttiin (2023: 22,4 %). Palveluiden siirto kaupungille onnistui"
                        + " ilman katkoja, ja kesätyösetelit käytettiin lähes kaikki.",
                "Työllisyyspalveluiden vuosiraportti 2025",
                EXAMPLE_URL);
        w.measure(
                        employment,
                        VITALITY,
                        "Ville Koskinen",
                        "Työllisyyspalveluiden palveluohjaus ja kuntouttava työtoiminta",
                        "Jokaiselle asiakkaalle tehdään työllistymissuunnitelma, ja pitkään työttömänä olleet saavat"
                                + " nimetyn palveluohjaajan.")
                .partners(COUNTY + " (aikuissosiaalityö), Kela, oppilaitokset")
                .runs("2025-01-01", "2029-12-31")
                .work("8.0")
                .euros(520_000)
                .premises("Työllisyyspalveluiden asiointipiste")
                .budget("TA 2026 sitova tavoite: Työllisyys 1", true)
                .evaluated(
                        YES,
                        "Palveluohjauksessa oli 1 240 asiakasta, ja kuntouttavan työtoiminnan jonot purettiin.",
                        "Työllisyyspalveluiden vuosiraportti 2025",
                        EXAMPLE_URL)
                .save(ONGOING, 50);
        w.measure(
                        employment,
                        VITALITY,
                        "Ville Koskinen",
                        "Kerava-lisä työnantajille pitkäaikaistyöttömän palkkaamiseen",
                        "Kaupunki maksaa palkkatuen lisäksi kuukausittaisen lisän yrityksille ja yhdistyksille.")
                .partners("Yritykset ja yhdistykset")
                .runs("2025-01-01", "2029-12-31")
                .euros(300_000)
                .budget("TA 2026 Työllisyyspalvelut: Kerava-lisä", false)
                .save(ONGOING, 45);
        w.measure(
                        employment,
                        VITALITY,
                        "Ville Koskinen",
                        "Kesätyösetelit 15–17-vuotiaille",
                        "Seteli tukee yrityksiä ja yhdistyksiä palkkaamaan nuoren kahdeksi viikoksi.")
                .with(LEISURE)
                .partners("Yritykset ja yhdistykset")
                .runs("2025-02-01", "2025-09-30")
                .euros(95_000)
                .evaluated(
                        YES,
                        "Seteleitä käytettiin 412 (95 % jaetuista); työnantajia oli 160.",
                        "Kesätyösetelien loppuraportti 2025",
                        null)
                .save(DONE, 100);
        w.measure(
                        employment,
                        CENTRAL,
                        "Anna Virtanen",
                        "Työ- ja koulutuskokeilut kaupungin omissa yksiköissä",
                        "Jokainen toimiala tarjoaa vuosittain vähintään kymmenen työkokeilupaikkaa.")
                .with(VITALITY, EDUCATION, ENVIRONMENT)
                .runs("2026-01-01", "2029-12-31")
                .work("0.5")
                .save(ONGOING, 20);

        UUID women = w.goal(
                        line,
                        "Naisten ja maahan muuttaneiden työllistymispolut vahvistuvat",
                        "Kvinnors och invandrares vägar till arbete stärks")
                .about("Kotona lapsia hoitaneet ja maahan muuttaneet naiset saavat kielikoulutusta, lastenhoidon"
                        + " koulutuksen ajaksi ja yhteyksiä työnantajiin.")
                .dimensions(SOCIAL)
                .groups(WORKING_AGE, IMMIGRANTS, FAMILIES)
                .inequality(
                        "Työllisyyspalveluiden naisasiakkaat työllistyvät miehiä harvemmin (2023: 20,3 % ja 24,3 %);"
                                + " ero on suurin maahan muuttaneilla naisilla. Tavoite asetetaan naisten osuudelle.")
                .ownedBy("Tiina Laine")
                .save();
        w.target(women, "tyollistyneet", "female", "28.0", null);
        w.measure(
                        women,
                        VITALITY,
                        "Ville Koskinen",
                        "Kieli- ja osaamispolut kotona lapsia hoitaville",
                        "Suomen kielen opetus, työelämätaidot ja ammatillinen koulutus kootaan yhdeksi poluksi.")
                .with(EDUCATION)
                .partners("Kansalaisopisto, " + COUNTY + " (neuvolat), maahanmuuttajajärjestöt")
                .runs("2025-08-01", "2029-12-31")
                .work("2.0")
                .euros(90_000)
                .grant("ESR+-hankerahoitus", 140_000)
                .premises("Kansalaisopiston opetustilat")
                .budget("TA 2026 sitova tavoite: Työllisyys 2", true)
                .evaluated(
                        PARTLY,
                        "Ensimmäiset kaksi ryhmää aloittivat lokakuussa; ESR+-päätös saatiin vasta joulukuussa.",
                        "Hankkeen seurantaraportti 12/2025",
                        null)
                .save(ONGOING, 30);
        w.measure(
                        women,
                        EDUCATION,
                        "Mikko Korhonen",
                        "Lastenhoito kielikurssin ja työkokeilun ajaksi",
                        "Varhaiskasvatus järjestää kerhon kurssin ajaksi; paikka ei vaadi varhaiskasvatuspäätöstä.")
                .with(VITALITY)
                .runs("2025-09-01", "2026-08-31")
                .euros(30_000)
                .premises("Päiväkotien kerhotilat")
                .evaluated(
                        YES,
                        "Kerhossa oli 22 lasta; yksikään äiti ei joutunut keskeyttämään kurssia hoidon puutteen vuoksi.",
                        "Varhaiskasvatuksen seuranta",
                        null)
                .save(DONE, 100);
        w.measure(
                        women,
                        VITALITY,
                        "Tiina Laine",
                        "Rekrytointitapahtumat ja mentorointi maahan muuttaneille naisille",
                        "Yritykset tarjoavat mentoreita ja tutustumiskäyntejä; tapahtumat pidetään kahdesti vuodessa.")
                .partners("Paikalliset yritykset ja yrittäjäjärjestö")
                .runs("2026-04-01", "2028-12-31")
                .euros(10_000)
                .save(ONGOING, 25);
    }

    private static void olderPeople(Writing w) {
        UUID line = w.line(
                "Ikääntyneet asuvat kotona turvallisesti ja osallistuvat",
                "Äldre bor tryggt hemma och deltar",
                "Kotona asumista tukevat esteetön asuinympäristö, mahdollisuudet liikkua ja yhteisö. Kaupunki tekee"
                        + " tämän yhdessä hyvinvointialueen, seurakunnan ja järjestöjen kanssa.",
                "Boende hemma stöds av en tillgänglig boendemiljö, möjligheter att röra sig och en gemenskap. Staden"
                        + " gör detta tillsammans med välfärdsområdet, församlingen och organisationerna.",
                "Kaupunkistrategia 2025–2029, tavoite 3: Hyvän arjen Kerava (esimerkki)");

        UUID home = w.goal(
                        line,
                        "Ikääntyneet asuvat kotona turvallisesti ja esteettömästi",
                        "Äldre bor tryggt och tillgängligt hemma")
                .about("Hissit, esteettömät reitit, asiointiliikenne ja ennakoivat kotikäynnit auttavat asumaan kotona"
                        + " pidempään.")
                .dimensions(SURROUNDINGS, PHYSICAL)
                .groups(OLDER, DISABLED, CARERS)
                .inequality("Hissittömissä kerrostaloissa asuvat ikääntyneet joutuvat muita useammin muuttamaan"
                        + " palveluasumiseen; esteettömyysavustukset kohdennetaan heille.")
                .ownedBy("Laura Nieminen")
                .save();
        w.target(home, "kotona-75", "total", "93.0", null);
        w.evaluateGoal(
                home,
                PARTLY,
                "Kotona asuvien osuus nousi hieman (91,9 %), mutta jää tavoitepolulta. Hissiavustus myönnettiin"
                        + " neljälle taloyhtiölle, ja asiointiliikenne käynnistyi kesäkuussa.",
                "Ikääntyneiden palveluiden seuranta (hyvinvointialue); avustuspäätökset 2025",
                null);
        w.measure(
                        home,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Esteettömyyskartoitukset ja hissiavustukset taloyhtiöille",
                        "Kaupunki neuvoo taloyhtiöitä hissien jälkiasennuksessa ja maksaa osan suunnittelukuluista.")
                .partners("Taloyhtiöt, Asumisen rahoitus- ja kehittämiskeskus ARA, vanhusneuvosto")
                .runs("2025-01-01", "2029-12-31")
                .work("0.5")
                .euros(50_000)
                .grant("ARA:n hissiavustus (taloyhtiöille)")
                .budget("TA 2026 Kaupunkiympäristö: asuntopolitiikka", false)
                .save(ONGOING, 40);
        w.measure(
                        home,
                        CENTRAL,
                        "Laura Nieminen",
                        "Ennakoivat kotikäynnit 78-vuotiaille yhdessä hyvinvointialueen kanssa",
                        "Kaupunki tuo käynneille tiedon asumisen, liikunnan ja kulttuurin palveluista; hyvinvointialue"
                                + " arvioi palveluntarpeen.")
                .partners(COUNTY + " (ikääntyneiden palvelut), " + PARISH)
                .runs("2025-03-01", "2029-12-31")
                .work("0.3")
                .evaluated(
                        PARTLY,
                        "Käyntejä tehtiin 210, noin puolet ikäluokasta. Kaupungin palveluiden esite otettiin käyttöön"
                                + " vasta syksyllä.",
                        "Hyvinvointialueen kotikäyntitilasto 2025",
                        null)
                .save(ONGOING, 45);
        w.measure(
                        home,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Asiointiliikenne ikääntyneille",
                        "Kutsuohjattu palveluliikenne kulkee kahdesti viikossa asuinalueilta keskustaan ja"
                                + " terveysasemalle.")
                .with(LEISURE)
                .partners("HSL, " + COUNTY)
                .runs("2025-06-01", "2029-12-31")
                .euros(85_000)
                .budget("TA 2026 sitova tavoite: Kaupunkiympäristö 4", true)
                .evaluated(
                        YES,
                        "Liikenne käynnistyi kesäkuussa; matkoja tehtiin 3 100, ja käyttäjäpalaute oli hyvää.",
                        "Palveluliikenteen matkatilasto 2025",
                        EXAMPLE_URL)
                .save(ONGOING, 55);
        w.measure(
                        home,
                        VITALITY,
                        "Tiina Laine",
                        "Kotitalkkari- ja pienapupalvelu yhdessä järjestöjen kanssa",
                        "Pienet korjaus- ja kotityöt tehdään työllisyyspalveluiden ja järjestöjen voimin kohtuuhintaan.")
                .with(CENTRAL)
                .partners("Eläkeläisjärjestöt, " + PARISH + ", yritykset")
                .runs("2027-01-01", "2028-12-31")
                .euros(15_000)
                .save(PLANNED, 0);

        UUID together = w.goal(
                        line,
                        "Ikääntyneiden yksinäisyys vähenee ja yhteisöllinen toiminta lisääntyy",
                        "Äldres ensamhet minskar och den gemensamma verksamheten ökar")
                .about("Kohtaamispaikat, ystävätoiminta ja kulttuuri tuovat ikääntyneitä yhteen. Digituki auttaa"
                        + " pysymään mukana.")
                .dimensions(SOCIAL, MENTAL)
                .groups(OLDER, LONELY)
                .inequality("Yksin asuvat, leskeksi jääneet ja omaishoitajat ovat yksinäisyyden riskissä; heitä"
                        + " tavoitetaan ennakoivien kotikäyntien ja seurakunnan diakoniatyön kautta.")
                .ownedByBody("Hyvinvointiryhmä")
                .save();
        w.target(together, "yhteisollinen-65", "total", "1500", null);
        w.evaluateGoal(
                together,
                YES,
                "Yhteisölliseen toimintaan osallistui 1 540 ikääntynyttä, joten valtuustokauden tavoite saavutettiin"
                        + " jo. Hyvinvointiryhmä harkitsee tavoitteen nostamista.",
                "Kohtaamispaikkojen kävijätilastot 2025; seurakunnan diakoniatyön raportti",
                EXAMPLE_URL);
        w.measure(
                        together,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Kirjasto ja palvelukeskus ikääntyneiden kohtaamispaikkoina",
                        "Viikoittaiset avoimet kohtaamiset, digituki ja vertaisryhmät kirjastossa ja palvelukeskuksessa.")
                .partners(PARISH + ", eläkeläisjärjestöt, " + COUNTY)
                .runs("2025-01-01", "2029-12-31")
                .work("1.0")
                .euros(35_000)
                .premises("Pääkirjasto ja palvelukeskus")
                .budget("TA 2026 sitova tavoite: Vapaa-aika 3", true)
                .evaluated(
                        YES,
                        "Kohtaamisia oli viikoittain kolmessa paikassa; digitukea annettiin 860 kertaa.",
                        "Kirjaston ja palvelukeskuksen kävijätilastot 2025",
                        null)
                .save(ONGOING, 65);
        w.measure(
                        together,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Ystävätoiminta ja soittorinki yksinäisille ikääntyneille",
                        "Vapaaehtoiset ystävät ja viikoittainen soittorinki tavoittavat ne, jotka eivät pääse liikkeelle.")
                .partners(PARISH + ", Suomen Punaisen Ristin paikallisosasto")
                .runs("2025-02-01", "2029-12-31")
                .euros(8_000)
                .save(ONGOING, 50);
        // A gap on purpose: no working time, money or premises recorded for this measure.
        w.measure(
                        together,
                        EDUCATION,
                        "Sari Mäkinen",
                        "Sukupolvet yhteen: koululaisten ja ikääntyneiden yhteiset tapaamiset",
                        "Alakoulujen luokat vierailevat palvelutaloissa, ja ikääntyneet kertovat kouluissa entisajan"
                                + " Keravasta.")
                .with(LEISURE)
                .partners("Palvelutalot, vanhusneuvosto")
                .runs("2025-09-01", "2026-05-31")
                .evaluated(
                        YES,
                        "Tapaamisia oli 24 kuudessa koulussa; sekä oppilaiden että ikääntyneiden palaute oli hyvää.",
                        "Koulujen ilmoitukset opetuspäällikölle",
                        null)
                .save(DONE, 100);
        w.measure(
                        together,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Kulttuuriluotsit ja maksuttomat kulttuuritapahtumat ikääntyneille",
                        "Vapaaehtoiset kulttuuriluotsit lähtevät seuraksi konsertteihin, näyttelyihin ja teatteriin.")
                .partners("Kulttuuriyhdistykset, eläkeläisjärjestöt")
                .runs("2025-04-01", "2029-12-31")
                .euros(12_000)
                .save(ONGOING, 40);

        UUID ageing = w.goal(
                        line,
                        "Ikääntyneiden liikkuminen lisääntyy ja elintapasairauksia ehkäistään",
                        "Äldre rör sig mer och livsstilssjukdomar förebyggs")
                .about("Lihaskunto- ja tasapainoharjoittelu, ulkoilureitit ja ravitsemusneuvonta ylläpitävät"
                        + " toimintakykyä ja ehkäisevät tyypin 2 diabetesta.")
                .dimensions(PHYSICAL)
                .groups(OLDER, WORKING_AGE)
                .inequality("Tyypin 2 diabetes on yleisempää vähän koulutetuilla ja pienituloisilla; ryhmät ovat"
                        + " maksuttomia, ja niihin ohjataan palvelukeskuksista ja terveysasemilta.")
                .ownedBy("Jussi Lehtonen")
                .save();
        w.target(ageing, "683", "total", "11.5", null);
        w.measure(
                        ageing,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Voimaa vanhuuteen -kuntosaliryhmät ja kaatumisten ehkäisy",
                        "Ohjatut lihaskunto- ja tasapainoryhmät; fysioterapeutti testaa osallistujat alussa ja lopussa.")
                .partners(COUNTY + " (fysioterapia), " + CLUBS)
                .runs("2025-01-01", "2029-12-31")
                .work("1.0")
                .euros(30_000)
                .premises("Liikuntakeskuksen ja palvelutalojen kuntosalit")
                .budget("TA 2026 sitova tavoite: Vapaa-aika 3", true)
                .evaluated(
                        YES,
                        "Ryhmissä oli 420 osallistujaa; tasapainotestien tulokset paranivat kahdella kolmesta.",
                        "Liikuntapalveluiden ryhmätilasto ja testitulokset 2025",
                        null)
                .save(ONGOING, 55);
        w.measure(
                        ageing,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Penkit ulkoilureittien varsille ja reittien talvikunnossapito",
                        "Penkit noin 300 metrin välein pääreiteille; talvella hiekoitetaan ensin palvelutalojen"
                                + " ympäristöt.")
                .partners("Vanhusneuvosto, vammaisneuvosto")
                .runs("2025-05-01", "2027-10-31")
                .euros(40_000)
                .save(ONGOING, 35);
        w.measure(
                        ageing,
                        CENTRAL,
                        "Laura Nieminen",
                        "Ravitsemusneuvonta ja yhteiset ruokailut palvelukeskuksessa",
                        "Yhteisen lounaan yhteydessä ravitsemusterapeutti pitää neuvontatuokion kerran kuukaudessa.")
                .with(LEISURE)
                .partners(COUNTY + " (ravitsemusterapeutit), eläkeläisjärjestöt")
                .runs("2026-02-01", "2029-12-31")
                .euros(6_000)
                .premises("Palvelukeskuksen ravintola")
                .save(ONGOING, 30);
    }

    private static void surroundingsAndParticipation(Writing w) {
        UUID line = w.line(
                "Viihtyisä ja osallistava elinympäristö",
                "En trivsam och delaktig livsmiljö",
                "Lähiluonto, turvallinen liikkuminen ja asukkaiden vaikutusmahdollisuudet tekevät Keravasta hyvän"
                        + " paikan asua. Asukkaat osallistuvat ympäristönsä suunnitteluun.",
                "Närnatur, trygg rörlighet och invånarnas möjligheter att påverka gör Kervo till en bra plats att bo"
                        + " på. Invånarna deltar i planeringen av sin omgivning.",
                "Kaupunkistrategia 2025–2029, tavoite 4: Vihreä ja osallistava Kerava (esimerkki)");

        UUID nature = w.goal(line, "Lähiluonto on kaikkien saavutettavissa", "Närnaturen är tillgänglig för alla")
                .about("Jokaisella keravalaisella on viheralue tai lähimetsä kävelymatkan päässä. Kaupungin kasvaessa"
                        + " tyytyväisyys lähiluontoon pidetään vähintään nykyisellä tasolla.")
                .dimensions(SURROUNDINGS, PHYSICAL, MENTAL)
                .groups(EVERYONE, CHILDREN, DISABLED)
                .inequality("Tiiviisti rakennetuilla alueilla ja esteellisten reittien varrella asuvilla on pisin matka"
                        + " viheralueille; kohteet valitaan heidän tarpeidensa mukaan.")
                .ownedBy("Pekka Järvinen")
                .save();
        w.target(nature, "lahiluonto", "total", null, TargetDirection.MAINTAIN);
        w.evaluateGoal(
                nature,
                YES,
                "Tyytyväisyys pysyi tavoitetasolla (74,6 %), vaikka lievä lasku jatkui. Viheralueohjelman valmistelu"
                        + " eteni aikataulussa.",
                "Asukaskysely 2025; viheralueohjelman luonnos",
                EXAMPLE_URL);
        w.measure(
                        nature,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Lähiluontokartoitus ja viheralueohjelma 2026–2035",
                        "Kartoitus näyttää, missä viheralue on yli 300 metrin päässä kodista; ohjelma priorisoi"
                                + " korjattavat kohteet.")
                .with(LEISURE)
                .partners("Asukasyhdistykset, luonnonsuojeluyhdistys")
                .runs("2025-01-01", "2026-06-30")
                .work("0.5")
                .euros(40_000)
                .budget("TA 2025 Kaupunkiympäristö: yleiskaavoitus", false)
                .evaluated(
                        YES,
                        "Kartoitus valmistui, ja ohjelmaluonnos oli asukkaiden kommentoitavana marraskuussa.",
                        "Viheralueohjelman luonnos ja kommenttiyhteenveto",
                        EXAMPLE_URL)
                .save(DONE, 100);
        w.measure(
                        nature,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Joenvarren virkistysreitin parantaminen ja esteettömät laiturit",
                        "Reitti kunnostetaan esteettömäksi, ja sen varrelle tehdään kaksi laituria ja levähdyspaikat.")
                .with(LEISURE)
                .partners("ELY-keskus, melonta- ja kalastusseurat")
                .runs("2026-05-01", "2028-10-31")
                .euros(260_000)
                .grant("Virkistysalueiden kehittämisavustus (haettu)", 80_000)
                .budget("Investointiosa 2026–2028: viheralueet", true)
                .save(ONGOING, 15);
        w.measure(
                        nature,
                        EDUCATION,
                        "Sari Mäkinen",
                        "Luontokoulu ja lähimetsien oppimispolut kouluille",
                        "Jokainen luokka käy lähimetsässä vähintään kahdesti lukuvuodessa; luontokoulu tukee opettajia.")
                .with(ENVIRONMENT)
                .runs("2025-08-01", "2029-06-30")
                .work("0.2")
                .premises("Luontokoulun tilat ja lähimetsät")
                .save(ONGOING, 50);
        w.measure(
                        nature,
                        ENVIRONMENT,
                        "Pekka Järvinen",
                        "Asukaskävelyt lähimetsien hoitosuunnitelmasta",
                        "Metsien hoidon suunnitelmasta keskustellaan maastossa asukkaiden kanssa.")
                .partners("Asukkaat, kotiseutuyhdistys")
                .runs("2025-09-01", "2025-11-30")
                .euros(2_000)
                .evaluated(
                        YES,
                        "Kävelyjä oli viisi, osallistujia 140; palaute kirjattiin hoitosuunnitelmaan.",
                        "Asukaskävelyjen muistiot",
                        null)
                .save(DONE, 100);

        UUID participation = w.goal(
                        line,
                        "Asukkaat osallistuvat ja vaikuttavat kaupungin kehittämiseen",
                        "Invånarna deltar i och påverkar stadens utveckling")
                .about(
                        "Osallistuva budjetointi, asukasillat ja vaikuttamistoimielinten aloitteet avaavat päätöksentekoa."
                                + " Osallistua voi myös selkokielellä ja omalla kielellä.")
                .dimensions(SOCIAL)
                .groups(EVERYONE, YOUNG, OLDER, IMMIGRANTS, DISABLED)
                .inequality("Vieraskieliset, nuoret ja pienituloisten alueiden asukkaat osallistuvat muita vähemmän;"
                        + " osallistumisen tapoja kehitetään yhdessä heidän kanssaan.")
                .ownedByBody("Kaupunginhallitus")
                .save();
        w.target(participation, "vaikuttaminen", "total", "35.0", null);
        w.evaluateGoal(
                participation,
                NO,
                "Vaikutusmahdollisuuksiinsa uskovien osuus laski edelleen (27,5 %). Osallistuvan budjetoinnin"
                        + " ensimmäinen kierros siirtyi vuodelle 2026; vaikuttamistoimielinten aloiteoikeus toteutui.",
                "Asukaskysely 2025; kaupunginhallituksen pöytäkirja 2/2026 (esimerkki)",
                null);
        w.measure(
                        participation,
                        CENTRAL,
                        "Anna Virtanen",
                        "Osallistuva budjetointi: asukkaiden ideat lähiympäristöön",
                        "Asukkaat ideoivat ja äänestävät 150 000 euron käytöstä; toteutus on kaupunkiympäristön ja"
                                + " vapaa-ajan palveluiden.")
                .with(ENVIRONMENT, LEISURE)
                .partners("Asukkaat ja asukasyhdistykset")
                .runs("2025-09-01", "2027-12-31")
                .work("0.5")
                .euros(150_000)
                .budget("TA 2026 sitova tavoite: Konsernipalvelut 4", true)
                .evaluated(
                        NO,
                        "Valmistelu alkoi, mutta ideavaihe ei käynnistynyt 2025, koska verkkopalvelun hankinta"
                                + " viivästyi. Ensimmäinen äänestys siirtyi syksyyn 2026.",
                        "Konsernipalveluiden tilannekatsaus johtoryhmälle 1/2026",
                        null)
                .save(LATE, 20);
        w.measure(
                        participation,
                        CENTRAL,
                        "Laura Nieminen",
                        "Vaikuttamistoimielinten aloiteoikeus ja kuuleminen valmistelussa",
                        "Nuorisovaltuusto, vanhusneuvosto ja vammaisneuvosto saavat aloiteoikeuden, ja niitä kuullaan"
                                + " ennen lautakuntien päätöksiä.")
                .with(EDUCATION, LEISURE, ENVIRONMENT, VITALITY)
                .partners("Nuorisovaltuusto, vanhusneuvosto, vammaisneuvosto")
                .runs("2025-01-01", "2025-12-31")
                .work("0.2")
                .evaluated(
                        YES,
                        "Hallintosääntöön lisättiin aloiteoikeus; toimielimet tekivät vuoden aikana seitsemän aloitetta.",
                        "Hallintosääntö 2025 (esimerkki)",
                        EXAMPLE_URL)
                .save(DONE, 100);
        w.measure(
                        participation,
                        CENTRAL,
                        "Anna Virtanen",
                        "Asukasillat suuralueittain ja kaupunginjohtajan aluekierros",
                        "Jokaisella suuralueella pidetään asukasilta kerran vuodessa; palaute ja vastaukset julkaistaan.")
                .with(ENVIRONMENT, VITALITY)
                .partners("Asukasyhdistykset, " + PARISH)
                .runs("2025-02-01", "2029-12-31")
                .euros(10_000)
                .save(ONGOING, 40);
        w.measure(
                        participation,
                        CENTRAL,
                        "Laura Nieminen",
                        "Selkokieliset ja monikieliset osallistumiskanavat",
                        "Kyselyt ja tiedotteet julkaistaan myös selkokielellä ja neljällä yleisimmällä vieraalla"
                                + " kielellä.")
                .with(VITALITY)
                .partners("Monikulttuuriset yhdistykset")
                .runs("2026-03-01", "2027-12-31")
                .euros(12_000)
                .save(ONGOING, 20);
        w.measure(
                        participation,
                        LEISURE,
                        "Jussi Lehtonen",
                        "Liikuntapaikkojen käyttäjäraati",
                        "Seurat ja asukkaat arvioivat vuosittain liikuntapaikkojen vuoroja, kuntoa ja saavutettavuutta.")
                .partners(CLUBS + ", asukkaat")
                .runs("2025-10-01", "2029-12-31")
                .work("0.1")
                .save(ONGOING, 30);

        // A gap on purpose: added by the council in 2026; its measures and indicators are still being prepared.
        w.goal(line, "Kävely ja pyöräily arjen liikkumisessa lisääntyvät", "Gång och cykling ökar i vardagen")
                .about("Valtuusto lisäsi tavoitteen suunnitelmaan vuonna 2026 kestävän liikkumisen ohjelman yhteydessä."
                        + " Toimenpiteet ja mittarit valmistellaan vuoden 2027 talousarvioon.")
                .dimensions(PHYSICAL, SURROUNDINGS)
                .groups(EVERYONE, CHILDREN)
                .inequality("Autottomat taloudet, lapset ja ikääntyneet hyötyvät turvallisista kävely- ja"
                        + " pyöräily-yhteyksistä eniten.")
                .ownedBy("Pekka Järvinen")
                .save();
    }

    /** One plan being written: its tenant, and the organisation's sectors, people, bodies and dimensions by name. */
    private final class Writing {

        private final Tenant tenant;
        private final UUID plan;
        private final Map<String, UUID> sectors;
        private final Map<String, UUID> people;
        private final Map<String, UUID> bodies;
        private final Map<String, UUID> dimensions;

        Writing(Tenant tenant, UUID plan) {
            OrganisationId org = tenant.organisation();
            this.tenant = tenant;
            this.plan = plan;
            this.sectors = organisations.sectors(org).stream()
                    .collect(Collectors.toMap(s -> s.name().fi(), OrganisationCatalog.SectorSummary::id, (a, b) -> a));
            this.people = organisations.people(org).stream()
                    .collect(Collectors.toMap(
                            OrganisationCatalog.PersonSummary::name,
                            OrganisationCatalog.PersonSummary::id,
                            (a, b) -> a));
            this.bodies = organisations.bodies(org).stream()
                    .collect(Collectors.toMap(b -> b.name().fi(), OrganisationCatalog.BodySummary::id, (a, b) -> a));
            this.dimensions = plans.dimensions(org).stream()
                    .collect(Collectors.toMap(d -> d.name().fi(), Dimension::id, (a, b) -> a));
        }

        UUID line(String fi, String sv, String descriptionFi, String descriptionSv, String strategyRef) {
            return editing.saveLine(
                    tenant,
                    new PolicyLine(
                            null,
                            plan,
                            0,
                            0,
                            LocalizedText.of(fi, sv),
                            LocalizedText.of(descriptionFi, descriptionSv),
                            strategyRef,
                            0));
        }

        GoalDraft goal(UUID line, String fi, String sv) {
            return new GoalDraft(line, LocalizedText.of(fi, sv));
        }

        /**
         * A target for the goal, from the indicator's value of the baseline year in the organisation's own
         * region to the target value in the plan's last year. A null target keeps the baseline level.
         */
        void target(UUID goal, String code, String gender, String target, TargetDirection direction) {
            OrganisationId org = tenant.organisation();
            IndicatorInfo indicator = (code.chars().allMatch(Character::isDigit)
                            ? indicators.find(org, Integer.parseInt(code))
                            : indicators.findLocal(org, code))
                    .orElseThrow(() -> new IllegalStateException("Demo indicator " + code + " is missing"));
            BigDecimal baseline = indicators.ownValues(org, List.of(indicator.id()), BASELINE_YEAR).stream()
                    .filter(v -> v.year() == BASELINE_YEAR && v.gender().equals(gender))
                    .map(IndicatorCatalog.OwnValue::value)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Demo indicator " + code + " has no " + gender + " value of " + BASELINE_YEAR));
            BigDecimal goalValue = target == null ? baseline : new BigDecimal(target);
            editing.saveGoalIndicator(
                    tenant,
                    new GoalIndicator(
                            null,
                            goal,
                            indicator.id(),
                            gender,
                            BASELINE_YEAR,
                            baseline,
                            goalValue,
                            TARGET_YEAR,
                            direction != null
                                    ? direction
                                    : TargetDirection.suggested(indicator.direction(), baseline, goalValue),
                            0),
                    goals.find(org, goal).orElseThrow().version());
        }

        void evaluateGoal(UUID goal, Realisation realised, String assessment, String evidence, String url) {
            editing.saveEvaluation(
                    tenant, new Evaluation(null, goal, null, 2025, realised, assessment, evidence, url, 0, null, null));
        }

        MeasureDraft measure(UUID goal, String sector, String owner, String title, String description) {
            return new MeasureDraft(goal, id(sectors, sector), id(people, owner), title, description);
        }

        private UUID id(Map<String, UUID> byName, String name) {
            UUID id = byName.get(name);
            if (id == null) {
                throw new IllegalStateException("Demo plan refers to " + name + ", who is not in the demo");
            }
            return id;
        }

        /** A goal about to be saved. */
        final class GoalDraft {
            private final UUID line;
            private final LocalizedText title;
            private String description;
            private List<UUID> dimensionIds = List.of();
            private List<TargetGroup> groups = List.of();
            private String inequality;
            private UUID ownerPerson;
            private UUID ownerBody;

            GoalDraft(UUID line, LocalizedText title) {
                this.line = line;
                this.title = title;
            }

            GoalDraft about(String fi) {
                description = fi;
                return this;
            }

            GoalDraft dimensions(String... names) {
                dimensionIds = Arrays.stream(names).map(n -> id(dimensions, n)).toList();
                return this;
            }

            GoalDraft groups(TargetGroup... targetGroups) {
                groups = List.of(targetGroups);
                return this;
            }

            GoalDraft inequality(String focus) {
                inequality = focus;
                return this;
            }

            GoalDraft ownedBy(String person) {
                ownerPerson = id(people, person);
                return this;
            }

            GoalDraft ownedByBody(String body) {
                ownerBody = id(bodies, body);
                return this;
            }

            UUID save() {
                return editing.saveGoal(
                        tenant,
                        new Goal(
                                null,
                                plan,
                                line,
                                0,
                                0,
                                title,
                                LocalizedText.of(description, null),
                                dimensionIds,
                                groups,
                                inequality,
                                ownerPerson,
                                ownerBody,
                                0,
                                null,
                                null));
            }
        }

        /** A measure about to be saved, and its evaluation of 2025 if it has one. */
        final class MeasureDraft {
            private final UUID goal;
            private final UUID sector;
            private final UUID owner;
            private final String title;
            private final String description;
            private List<UUID> partnerSectors = List.of();
            private String partners;
            private LocalDate startsOn;
            private LocalDate endsOn;
            private BigDecimal workYears;
            private BigDecimal euros;
            private String grants;
            private BigDecimal grantEuros;
            private String premises;
            private String budgetRef;
            private boolean budgetBinding;
            private Evaluation evaluation;

            MeasureDraft(UUID goal, UUID sector, UUID owner, String title, String description) {
                this.goal = goal;
                this.sector = sector;
                this.owner = owner;
                this.title = title;
                this.description = description;
            }

            /** The partner sectors, besides the responsible one. */
            MeasureDraft with(String... sectorNames) {
                partnerSectors =
                        Arrays.stream(sectorNames).map(n -> id(sectors, n)).toList();
                return this;
            }

            /** Partners outside the organisation: the county, the parish, clubs, companies… */
            MeasureDraft partners(String names) {
                partners = names;
                return this;
            }

            MeasureDraft runs(String from, String to) {
                startsOn = LocalDate.parse(from);
                endsOn = LocalDate.parse(to);
                return this;
            }

            MeasureDraft work(String personYears) {
                workYears = new BigDecimal(personYears);
                return this;
            }

            MeasureDraft euros(long amount) {
                euros = BigDecimal.valueOf(amount);
                return this;
            }

            MeasureDraft grant(String name) {
                grants = name;
                return this;
            }

            MeasureDraft grant(String name, long amount) {
                grants = name;
                grantEuros = BigDecimal.valueOf(amount);
                return this;
            }

            MeasureDraft premises(String where) {
                premises = where;
                return this;
            }

            MeasureDraft budget(String reference, boolean binding) {
                budgetRef = reference;
                budgetBinding = binding;
                return this;
            }

            MeasureDraft evaluated(Realisation realised, String assessment, String evidence, String url) {
                evaluation = new Evaluation(null, null, null, 2025, realised, assessment, evidence, url, 0, null, null);
                return this;
            }

            UUID save(MeasureStatus status, int progress) {
                UUID id = editing.saveMeasure(
                        tenant,
                        new Measure(
                                null,
                                plan,
                                goal,
                                0,
                                0,
                                LocalizedText.of(title, null),
                                LocalizedText.of(description, null),
                                sector,
                                owner,
                                partnerSectors,
                                partners,
                                startsOn,
                                endsOn,
                                workYears,
                                euros,
                                grants,
                                grantEuros,
                                premises,
                                budgetRef,
                                budgetBinding,
                                status,
                                progress,
                                0,
                                null,
                                null));
                if (evaluation != null) {
                    Evaluation e = evaluation;
                    editing.saveEvaluation(
                            tenant,
                            new Evaluation(
                                    null,
                                    null,
                                    id,
                                    e.year(),
                                    e.realised(),
                                    e.assessment(),
                                    e.evidence(),
                                    e.evidenceUrl(),
                                    0,
                                    null,
                                    null));
                }
                return id;
            }
        }
    }
}
