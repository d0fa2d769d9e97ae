package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.FollowUp;
import fi.hyte.impact.domain.PlanFollowUp;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.plan.domain.Plan;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** §8: a follow-up set with the decision is due among the plan's reminders; its outcome is recorded beside the forecast. */
@HyteSpringTest
class ImpactFollowUpTests {

    @LocalServerPort
    int port;

    @Autowired
    ImpactCaseMaker make;

    @Autowired
    Preparation preparation;

    @Autowired
    PlanFollowUp planFollowUp;

    @Autowired
    PlanFixtures plans;

    @Autowired
    DecisionCases cases;

    @Test
    void aDueFollowUpAppearsInThePlansRemindersAndItsOutcomeIsRecordedBesideTheForecast() {
        Org org = make.org("follow");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        int year = LocalDate.now().getYear();
        Plan plan = plans.plan(org, "Hyvinvointisuunnitelma", year - 1, year + 2);
        UUID goal = plans.goal(org, plans.line(org, plan, "Lapset"), "Koulumatkat turvallisiksi");
        UUID id = make.readyToFreeze(org, t, "Kyläkoulu");
        preparation.freeze(t, id, make.version(t, id));
        preparation.decide(
                t,
                id,
                new DecisionCase.Decision(
                        make.get(t, id).bodyId(),
                        LocalDate.now().minusMonths(3),
                        "§ 9",
                        make.of(t, id, Alternative.Kind.PROPOSAL).id(),
                        null),
                make.version(t, id));
        String what = "Koulumatkan kesto " + UUID.randomUUID().toString().substring(0, 4);
        UUID followUp = planFollowUp.add(
                t,
                id,
                new FollowUp(
                        null,
                        id,
                        what,
                        null,
                        FollowUp.Expected.INCREASE,
                        "Rehtori",
                        LocalDate.now().minusDays(1),
                        goal,
                        null,
                        null,
                        null,
                        0),
                true);
        preparation.startFollowUp(t, id, make.version(t, id));

        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String reminders =
                coordinator.get("/plan/" + plan.id() + "/reminders?lang=fi").body();
        assertThat(reminders).contains(what + " (Kyläkoulu)");

        FollowUp saved = cases.followUps(org.id(), id).stream()
                .filter(f -> f.id().equals(followUp))
                .findFirst()
                .orElseThrow();
        assertThat(saved.measureId()).isNotNull();
        var bad = coordinator.post(
                "/impact/cases/" + id + "/follow-up/outcome",
                Map.of(
                        "followUp",
                        followUp.toString(),
                        "outcome",
                        "MAYBE",
                        "version",
                        String.valueOf(saved.version())));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(cases.followUps(org.id(), id).get(0).outcome()).isNull();

        var recorded = coordinator.post(
                "/impact/cases/" + id + "/follow-up/outcome",
                Map.of(
                        "followUp",
                        followUp.toString(),
                        "outcome",
                        "AS_EXPECTED",
                        "version",
                        String.valueOf(saved.version())));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(cases.followUps(org.id(), id).get(0).outcome()).isEqualTo(FollowUp.Outcome.AS_EXPECTED);
        String page = coordinator.get("/impact/cases/" + id + "?lang=fi").body();
        int row = page.indexOf("<th scope=\"row\">" + what + "</th>");
        assertThat(row).isPositive();
        String tr = page.substring(row, page.indexOf("</tr>", row));
        assertThat(tr).contains("Kasvaa").contains("Kuten ennakoitiin");
    }
}
