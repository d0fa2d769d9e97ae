package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.Responsibility;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A user of one organisation can never read or change another's data, through any endpoint: every
 * mapped URL is called with the other organisation's ids, and must answer 404 and change nothing.
 */
@HyteSpringTest
class TenantIsolationTests {

    /** Tenant-owned tables whose rows must stay exactly as they were. */
    static final List<String> TABLES = List.of(
            "sector",
            "person",
            "body",
            "body_member",
            "responsibility",
            "maturity_round",
            "maturity_participant",
            "maturity_action");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Assessments assessments;

    @Autowired
    Rounds rounds;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Org own;
    Org other;
    Map<String, UUID> otherIds;

    @BeforeEach
    void twoOrganisations() {
        String suffix = Long.toString(System.nanoTime(), 36);
        own = fixtures.organisation("oma" + suffix);
        other = fixtures.organisation("vieras" + suffix);
        UUID sector = fixtures.sector(other, "Vieras toimiala " + suffix);
        UUID person = fixtures.person(other, "Vieras Henkilö " + suffix, sector);
        UUID body = fixtures.body(other, BodyType.WELLBEING_GROUP, "Vieras ryhmä " + suffix);
        UUID member = structure
                .addMember(other.tenant(), body, person, MemberRole.CHAIR)
                .orElseThrow();
        UUID responsibility = structure.saveResponsibility(
                other.tenant(),
                new Responsibility(null, ResponsibilityKind.COORDINATOR, person, null, LocalizedText.of("x", null), 0));
        UUID user = users.idOf(other.user(Role.VIEWER)).orElseThrow().value();
        UUID round = assessments.open(
                other.tenant(),
                MaturityModels.PROMEQ,
                "Vieras arvio " + suffix,
                LocalDate.now(),
                null,
                false,
                List.of(new Assessments.Invitee("Vieras Vastaaja", null)));
        UUID participant = rounds.participants(other.id(), round).get(0).id();
        UUID action = assessments.addAction(other.tenant(), round, "goals", "Vieras toimi", null, null);
        WebSession.signedIn(port, other.user(Role.VIEWER), Fixtures.PASSWORD)
                .post("/account/tokens", Map.of("name", "Vieras avain " + suffix));
        UUID token = jdbc.sql("select id from api_token where user_id = ?")
                .param(user)
                .query(UUID.class)
                .single();
        otherIds = new HashMap<>(Map.ofEntries(
                Map.entry("sectors", sector),
                Map.entry("people", person),
                Map.entry("bodies", body),
                Map.entry("member", member),
                Map.entry("responsibilities", responsibility),
                Map.entry("users", user),
                Map.entry("maturity", round),
                Map.entry("participant", participant),
                Map.entry("action", action),
                Map.entry("account", token)));
    }

    @Test
    void everyEndpointWithAnIdAnswers404ForAnotherOrganisationsRecords() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        String before = snapshot(other);
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.path().contains("{")) {
                continue;
            }
            String url = substitute(endpoint.path(), otherIds);
            Response response = endpoint.method() == RequestMethod.GET
                    ? admin.get(url)
                    : admin.post(url, hijackForm(endpoint.path()));
            assertThat(response.status()).as("%s %s", endpoint.method(), url).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Vieras");
            checked.add(endpoint.method() + " " + endpoint.path());
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
        assertThat(snapshot(other)).isEqualTo(before);
    }

    @Test
    void ownBodyWithAnotherOrganisationsMemberAnswers404() {
        UUID ownBody = fixtures.body(own, BodyType.COMMITTEE, "Oma lautakunta");
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        String before = snapshot(other);
        Response response =
                admin.post("/bodies/" + ownBody + "/members/" + otherIds.get("member") + "/remove", Map.of());
        assertThat(response.status()).isEqualTo(404);
        Response seat = admin.post(
                "/bodies/" + ownBody + "/members",
                Map.of("personId", otherIds.get("people").toString(), "role", "MEMBER"));
        assertThat(seat.status()).isEqualTo(200);
        assertThat(seat.body()).contains("Valitse henkilö luettelosta");
        assertThat(snapshot(other)).isEqualTo(before);
    }

    @Test
    void listsShowOnlyTheOwnOrganisation() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method() != RequestMethod.GET || endpoint.path().contains("{")) {
                continue;
            }
            Response response = admin.get(endpoint.path());
            assertThat(response.body())
                    .as(endpoint.path())
                    .doesNotContain("Vieras")
                    .doesNotContain(other.prefix());
        }
    }

    @Test
    void switchingToAnOrganisationWithoutMembershipIsIgnored() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        admin.post("/organisation/switch", Map.of("organisation", other.id().toString()));
        assertThat(admin.get("/organisation").body()).contains(own.prefix()).doesNotContain(other.prefix());
    }

    @Test
    void unknownIdsAnswer404() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        Map<String, UUID> random = new HashMap<>();
        otherIds.keySet().forEach(key -> random.put(key, UUID.randomUUID()));
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method() == RequestMethod.GET && endpoint.path().contains("{")) {
                assertThat(admin.get(substitute(endpoint.path(), random)).status())
                        .as(endpoint.path())
                        .isEqualTo(404);
            }
        }
    }

    /** A valid-looking form, so that only the foreign id can be the reason for a refusal. */
    static Map<String, String> hijackForm(String path) {
        return Map.ofEntries(
                Map.entry("version", "0"),
                Map.entry("role", path.startsWith("/admin/users") ? "VIEWER" : "MEMBER"),
                Map.entry("nameFi", "Kaapattu"),
                Map.entry("name", "Kaapattu"),
                Map.entry("type", "COMMITTEE"),
                Map.entry("kind", "OTHER"),
                Map.entry("affiliation", "STAFF"),
                Map.entry("position", "1"),
                Map.entry("personId", UUID.randomUUID().toString()),
                Map.entry("done", "true"),
                Map.entry("criterion", "goals"));
    }

    /** Every mapped URL of Hyte's own controllers, with the methods it answers. */
    List<Endpoint> endpoints() {
        Set<Endpoint> all = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            String handler = entry.getValue().toString();
            if (!handler.startsWith("fi.hyte")) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(new Endpoint(method, path));
                }
            }
        }
        return List.copyOf(all);
    }

    static String substitute(String pattern, Map<String, UUID> ids) {
        String section = pattern.split("/")[1];
        if (section.equals("admin")) {
            section = pattern.split("/")[2];
        }
        UUID main = ids.get(section);
        if (main == null) {
            throw new AssertionError("No test data for the URL " + pattern + ": add it to this test");
        }
        return pattern.replace("{id}", main.toString())
                .replace("{member}", ids.get("member").toString())
                .replace("{participant}", ids.get("participant").toString())
                .replace("{action}", ids.get("action").toString());
    }

    /** Rows of the organisation's tenant-owned tables with their versions, as text. */
    String snapshot(Org org) {
        StringBuilder state = new StringBuilder();
        for (String table : TABLES) {
            state.append(table)
                    .append(jdbc.sql("select string_agg(id || ':' || version, ',' order by id) from " + table
                                    + " where organisation_id = ?")
                            .param(org.id().value())
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        state.append(jdbc.sql("select string_agg(user_id || ':' || role, ',' order by user_id) from membership"
                        + " where organisation_id = ?")
                .param(org.id().value())
                .query(String.class)
                .single());
        // API tokens have no version: whether each is still valid is what another user must not change.
        state.append('\n')
                .append(jdbc.sql("select string_agg(id || ':' || (revoked_at is null), ',' order by id) from api_token"
                                + " where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single());
        return state.toString();
    }

    record Endpoint(RequestMethod method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return (path + method).compareTo(other.path + other.method);
        }
    }
}
