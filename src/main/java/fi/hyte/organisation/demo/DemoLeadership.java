package fi.hyte.organisation.demo;

import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.Body;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.Organisation;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.OrganisationType;
import fi.hyte.organisation.domain.Organisations;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Responsibility;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.organisation.domain.Sector;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.DemoSettings;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example content for the demo: a municipality (linked to Kerava) and its wellbeing services county
 * (Vantaa and Kerava), with sectors, people, bodies, a wellbeing group and named responsibilities.
 * The people are invented. Two gaps are left on purpose so that the leadership overview shows them.
 */
@Component
public class DemoLeadership implements DemoContent {

    public static final OrganisationId MUNICIPALITY = demoId("municipality");
    public static final OrganisationId COUNTY = demoId("county");

    private final Organisations organisations;
    private final OrganisationStructure structure;
    private final UserAccounts accounts;
    private final DemoSettings settings;
    private final People people;

    DemoLeadership(
            Organisations organisations,
            OrganisationStructure structure,
            UserAccounts accounts,
            DemoSettings settings,
            People people) {
        this.people = people;
        this.organisations = organisations;
        this.structure = structure;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public void seed() {
        if (organisations.find(MUNICIPALITY).isEmpty()) {
            organisations.insert(new Organisation(
                    MUNICIPALITY,
                    OrganisationType.MUNICIPALITY,
                    LocalizedText.of("Kerava (demo)", "Kervo (demo)"),
                    RegionKind.MUNICIPALITY,
                    "245",
                    0));
            municipality(new Tenant(MUNICIPALITY, null, "Hyte (demo)", Role.ADMIN));
        }
        if (organisations.find(COUNTY).isEmpty()) {
            organisations.insert(new Organisation(
                    COUNTY,
                    OrganisationType.WELLBEING_COUNTY,
                    LocalizedText.of(
                            "Vantaan ja Keravan hyvinvointialue (demo)", "Vanda och Kervo välfärdsområde (demo)"),
                    RegionKind.WELLBEING_COUNTY,
                    "04",
                    0));
            county(new Tenant(COUNTY, null, "Hyte (demo)", Role.ADMIN));
        }
        String password = settings.password();
        accounts.ensureDemoUser(MUNICIPALITY, Role.ADMIN, "admin", "Aino Ylläpitäjä", password, true);
        UserId coordinator = accounts.ensureDemoUser(
                MUNICIPALITY, Role.COORDINATOR, "koordinaattori", "Laura Nieminen", password, false);
        UserId editor =
                accounts.ensureDemoUser(MUNICIPALITY, Role.EDITOR, "toimittaja", "Sari Mäkinen", password, false);
        UserId viewer =
                accounts.ensureDemoUser(MUNICIPALITY, Role.VIEWER, "katselija", "Eero Heinonen", password, false);
        UserId countyCoordinator = accounts.ensureDemoUser(
                COUNTY, Role.COORDINATOR, "hva-koordinaattori", "Maria Salonen", password, false);
        // The demo users are the people of the same name, so "my responsibilities" has content.
        people.linkAccount(MUNICIPALITY, "Laura Nieminen", coordinator);
        people.linkAccount(MUNICIPALITY, "Sari Mäkinen", editor);
        people.linkAccount(MUNICIPALITY, "Eero Heinonen", viewer);
        people.linkAccount(COUNTY, "Maria Salonen", countyCoordinator);
        accounts.ensureDemoUser(COUNTY, Role.ADMIN, "admin", "Aino Ylläpitäjä", password, true);
    }

    private void municipality(Tenant t) {
        Map<String, UUID> sector = new HashMap<>();
        sector.put("central", sector(t, 1, "Konsernipalvelut", "Koncernservice"));
        sector.put("education", sector(t, 2, "Kasvatus ja oppiminen", "Fostran och lärande"));
        sector.put("leisure", sector(t, 3, "Vapaa-aika ja hyvinvointi", "Fritid och välfärd"));
        sector.put("environment", sector(t, 4, "Kaupunkiympäristö", "Stadsmiljö"));
        sector.put("vitality", sector(t, 5, "Elinvoima ja työllisyys", "Livskraft och sysselsättning"));

        UUID mayor = person(t, "Anna Virtanen", "kaupunginjohtaja", sector.get("central"), Affiliation.STAFF, null);
        UUID coordinator = person(
                t, "Laura Nieminen", "hyvinvointikoordinaattori", sector.get("central"), Affiliation.STAFF, null);
        UUID education =
                person(t, "Mikko Korhonen", "sivistysjohtaja", sector.get("education"), Affiliation.STAFF, null);
        UUID teacher = person(t, "Sari Mäkinen", "opetuspäällikkö", sector.get("education"), Affiliation.STAFF, null);
        UUID leisure = person(t, "Jussi Lehtonen", "vapaa-aikajohtaja", sector.get("leisure"), Affiliation.STAFF, null);
        UUID youth =
                person(t, "Hanna Heikkinen", "nuorisopalvelupäällikkö", sector.get("leisure"), Affiliation.STAFF, null);
        UUID environment = person(
                t, "Pekka Järvinen", "kaupunkiympäristön johtaja", sector.get("environment"), Affiliation.STAFF, null);
        UUID vitality = person(t, "Tiina Laine", "elinvoimajohtaja", sector.get("vitality"), Affiliation.STAFF, null);
        UUID employment =
                person(t, "Ville Koskinen", "työllisyyspäällikkö", sector.get("vitality"), Affiliation.STAFF, null);
        UUID county = person(
                t,
                "Maria Salonen",
                "hyte-suunnittelija",
                null,
                Affiliation.WELLBEING_COUNTY,
                "Vantaan ja Keravan hyvinvointialue");
        UUID parish =
                person(t, "Outi Hämäläinen", "diakoniatyöntekijä", null, Affiliation.PARISH, "Keravan seurakunta");
        UUID ngo = person(t, "Kari Rantanen", "toiminnanjohtaja", null, Affiliation.NGO, "Keravan liikuntaseurat ry");
        UUID chairOfCouncil = person(t, "Eero Heinonen", "valtuuston puheenjohtaja", null, Affiliation.ELECTED, null);

        body(t, BodyType.COUNCIL, "Kaupunginvaltuusto", "Stadsfullmäktige", Map.of(chairOfCouncil, MemberRole.CHAIR));
        body(t, BodyType.BOARD, "Kaupunginhallitus", "Stadsstyrelsen", Map.of());
        UUID management = body(
                t,
                BodyType.MANAGEMENT_GROUP,
                "Johtoryhmä",
                "Ledningsgruppen",
                Map.of(
                        mayor, MemberRole.CHAIR,
                        education, MemberRole.MEMBER,
                        leisure, MemberRole.MEMBER,
                        environment, MemberRole.MEMBER,
                        vitality, MemberRole.MEMBER));
        UUID group = body(
                t,
                BodyType.WELLBEING_GROUP,
                "Hyvinvointiryhmä",
                "Välfärdsgruppen",
                Map.of(
                        education, MemberRole.CHAIR,
                        coordinator, MemberRole.SECRETARY,
                        teacher, MemberRole.MEMBER,
                        leisure, MemberRole.MEMBER,
                        youth, MemberRole.MEMBER,
                        vitality, MemberRole.MEMBER,
                        employment, MemberRole.MEMBER,
                        county, MemberRole.EXPERT,
                        parish, MemberRole.MEMBER,
                        ngo, MemberRole.MEMBER));
        body(t, BodyType.YOUTH_COUNCIL, "Nuorisovaltuusto", "Ungdomsfullmäktige", Map.of());
        body(t, BodyType.OLDER_PEOPLE_COUNCIL, "Vanhusneuvosto", "Äldrerådet", Map.of());

        responsibility(
                t,
                ResponsibilityKind.ACCOUNTABLE_MANAGEMENT,
                null,
                management,
                "Johtoryhmä vastaa hyvinvoinnin edistämisen johtamisesta ja raportoi kaupunginhallitukselle.");
        responsibility(t, ResponsibilityKind.ACCOUNTABLE_MANAGEMENT, mayor, null, null);
        responsibility(t, ResponsibilityKind.COORDINATOR, coordinator, null, null);
        responsibility(
                t,
                ResponsibilityKind.REPORT_PREPARATION,
                null,
                group,
                "Hyvinvointiryhmä valmistelee vuosittaisen hyvinvointikertomuksen ja valtuustokauden suunnitelman.");
        responsibility(
                t, ResponsibilityKind.MONITORING, coordinator, null, "Indikaattorien valinta, seuranta ja vertailu.");
        responsibility(
                t,
                ResponsibilityKind.IMPACT_ASSESSMENT_SUPPORT,
                coordinator,
                null,
                "Tukee valmistelijoita päätösten vaikutusten ennakkoarvioinnissa.");
        responsibility(
                t, ResponsibilityKind.PARTICIPATION, youth, null, "Vaikuttamistoimielinten ja asukkaiden kuuleminen.");
        responsibility(
                t,
                ResponsibilityKind.COUNTY_COOPERATION,
                coordinator,
                null,
                "Hyte-neuvottelut ja yhteistyö hyvinvointialueen kanssa.");
    }

    private void county(Tenant t) {
        UUID hyte = sector(t, 1, "Hyvinvoinnin ja terveyden edistäminen", "Främjande av välfärd och hälsa");
        UUID social = sector(t, 2, "Sosiaalipalvelut", "Socialtjänster");
        UUID health = sector(t, 3, "Terveyspalvelut", "Hälsotjänster");
        sector(t, 4, "Pelastustoimi", "Räddningsväsendet");
        UUID director = person(t, "Johanna Lindholm", "hyvinvointialuejohtaja", hyte, Affiliation.STAFF, null);
        UUID coordinator = person(t, "Maria Salonen", "hyte-suunnittelija", hyte, Affiliation.STAFF, null);
        UUID socialLead = person(t, "Petri Aaltonen", "sosiaalipalvelujohtaja", social, Affiliation.STAFF, null);
        UUID healthLead = person(t, "Riikka Kallio", "ylilääkäri", health, Affiliation.STAFF, null);
        UUID kerava =
                person(t, "Laura Nieminen", "hyvinvointikoordinaattori", null, Affiliation.OTHER, "Keravan kaupunki");
        UUID management = body(
                t,
                BodyType.MANAGEMENT_GROUP,
                "Aluejohtoryhmä",
                "Områdesledningsgruppen",
                Map.of(director, MemberRole.CHAIR, socialLead, MemberRole.MEMBER, healthLead, MemberRole.MEMBER));
        body(
                t,
                BodyType.WELLBEING_GROUP,
                "Alueellinen hyte-työryhmä",
                "Regional arbetsgrupp för välfärd och hälsa",
                Map.of(
                        socialLead, MemberRole.CHAIR,
                        coordinator, MemberRole.SECRETARY,
                        healthLead, MemberRole.MEMBER,
                        kerava, MemberRole.MEMBER));
        responsibility(t, ResponsibilityKind.ACCOUNTABLE_MANAGEMENT, null, management, null);
        responsibility(t, ResponsibilityKind.COORDINATOR, coordinator, null, null);
    }

    private UUID sector(Tenant t, int position, String fi, String sv) {
        return structure.saveSector(t, new Sector(null, LocalizedText.of(fi, sv), position, 0));
    }

    private UUID person(
            Tenant t, String name, String title, UUID sector, Affiliation affiliation, String affiliationName) {
        return structure.savePerson(
                t, new Person(null, name, title, sector, affiliation, affiliationName, null, null, false, null, 0));
    }

    private UUID body(Tenant t, BodyType type, String fi, String sv, Map<UUID, MemberRole> members) {
        UUID body = structure.saveBody(t, new Body(null, type, LocalizedText.of(fi, sv), 0));
        members.forEach((person, role) -> structure.addMember(t, body, person, role));
        return body;
    }

    private void responsibility(Tenant t, ResponsibilityKind kind, UUID person, UUID body, String description) {
        structure.saveResponsibility(
                t, new Responsibility(null, kind, person, body, LocalizedText.of(description, null), 0));
    }

    private static OrganisationId demoId(String name) {
        return new OrganisationId(UUID.nameUUIDFromBytes(("hyte-demo-" + name).getBytes(StandardCharsets.UTF_8)));
    }
}
