package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** §4: a cell's indicator evidence (latest value, gender gap) is frozen with the assessment; a later import leaves it. */
@HyteSpringTest
class ImpactEvidenceFrozenTests {

    @LocalServerPort
    int port;

    @Autowired
    ImpactCaseMaker make;

    @Autowired
    Imports imports;

    @Autowired
    DecisionCases cases;

    @Autowired
    JdbcClient jdbc;

    private void values(Tenant t, int year, String total, String women, String men) {
        String file = "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä\n"
                + "koulumatka;Koulumatka yli 5 km (oma);%;;" + year + ";yhteensä;" + total + ";\n"
                + "koulumatka;;%;;" + year + ";naiset;" + women + ";\n"
                + "koulumatka;;%;;" + year + ";miehet;" + men + ";\n";
        var result = imports.importNow(t, "koulumatka.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(result.accepted()).as(String.valueOf(result.problems())).isTrue();
    }

    @Test
    void theIndicatorsLatestValueAndGenderGapAsOfFreezingStayInTheFrozenCaseAfterALaterImport() {
        Org org = make.fixtures.organisation(
                "evid" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "092");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        values(t, 2023, "11,0", "12,0", "10,0");
        int indicator = jdbc.sql("select id from indicator where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
        UUID id = make.readyToFreeze(org, t, "Näyttö");
        Alternative proposal = make.of(t, id, Alternative.Kind.PROPOSAL);
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        coordinator.get("/impact?lang=fi");
        int seen = cases.cell(org.id(), id, proposal.id(), "children", Cell.Term.SHORT)
                .orElseThrow()
                .version();
        var saved = coordinator.post(
                "/impact/cases/" + id + "/cell",
                Map.of(
                        "alternative", proposal.id().toString(),
                        "row", "children",
                        "term", "SHORT",
                        "direction", "NEGATIVE",
                        "magnitude", "SMALL",
                        "reasoning", "Matka pitenee.",
                        "indicatorId", String.valueOf(indicator),
                        "version", String.valueOf(seen)));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(snapshot(org, id, proposal)).contains("2023").contains("11");

        values(t, 2024, "14,0", "16,0", "12,0");
        var frozen = coordinator.post(
                "/impact/cases/" + id + "/state",
                Map.of("action", "freeze", "version", String.valueOf(make.version(t, id))));
        assertThat(frozen.status()).isEqualTo(302);
        assertThat(make.get(t, id).frozenAt()).as("frozen").isNotNull();
        String atFreezing = snapshot(org, id, proposal);
        assertThat(atFreezing).contains("2024").contains("14").contains("♀/♂");

        values(t, 2025, "20,0", "21,0", "19,0");
        assertThat(snapshot(org, id, proposal)).isEqualTo(atFreezing);
        assertThat(cases.frozen(org.id(), id).get(0).content())
                .contains(atFreezing)
                .doesNotContain("2025");
        assertThat(coordinator.get("/impact/cases/" + id + "/frozen?number=1").status())
                .isEqualTo(200);
    }

    private String snapshot(Org org, UUID id, Alternative proposal) {
        return cases.cell(org.id(), id, proposal.id(), "children", Cell.Term.SHORT)
                .orElseThrow()
                .indicatorSnapshot();
    }
}
