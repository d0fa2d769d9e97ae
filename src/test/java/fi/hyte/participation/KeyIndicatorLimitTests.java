package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.participation.domain.Publications;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public front page shows at most {@link Publications#MAX_INDICATORS} key indicators; one more is refused in words. */
@HyteSpringTest
class KeyIndicatorLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Publishing publishing;

    @Autowired
    Imports imports;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theThirteenthKeyIndicatorIsRefusedWithAMessage() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Org org = fixtures.organisation("avain" + suffix, RegionKind.MUNICIPALITY, "092");
        publishing.save(org.tenant(), TestSites.online(org.id(), "avain-" + suffix));
        Tenant coordinator = new Tenant(
                org.id(), users.idOf(org.user(Role.COORDINATOR)).orElseThrow(), "koordinaattori", Role.COORDINATOR);
        StringBuilder csv = new StringBuilder("tunnus;nimi;vuosi;arvo\n");
        for (int i = 1; i <= Publications.MAX_INDICATORS + 1; i++) {
            csv.append("oma-")
                    .append(i)
                    .append(";Oma mittari ")
                    .append(i)
                    .append(";2024;")
                    .append(i)
                    .append('\n');
        }
        assertThat(imports.importNow(coordinator, "omat.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .problems())
                .isEmpty();
        List<Integer> ids = jdbc.sql("select id from indicator where organisation_id = ? order by id")
                .param(org.id().value())
                .query(Integer.class)
                .list();
        assertThat(ids).hasSize(Publications.MAX_INDICATORS + 1);
        for (int id : ids.subList(0, Publications.MAX_INDICATORS)) {
            assertThat(publishing.addIndicator(coordinator, id)).isTrue();
        }

        WebSession staff = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response refused = staff.post(
                "/participation/indicators", Map.of("indicator", String.valueOf(ids.get(Publications.MAX_INDICATORS))));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(staff.get("/participation").body())
                .contains("Avainlukuja voi olla enintään 12, tai mittari on jo valittu.");
        assertThat(jdbc.sql("select count(*) from public_indicator where organisation_id = ?")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(Publications.MAX_INDICATORS);
        assertThat(jdbc.sql("select count(*) from public_indicator where organisation_id = ? and indicator_id = ?")
                        .params(org.id().value(), ids.get(Publications.MAX_INDICATORS))
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
