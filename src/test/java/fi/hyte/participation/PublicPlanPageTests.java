package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublishedPlan;
import fi.hyte.participation.domain.Publishing;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.platform.LocalizedText;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public plan page tells a resident how each goal is doing, each measure's status and the
 * sector responsible, and names no member of staff: only the site's public contacts name people.
 */
@HyteSpringTest
class PublicPlanPageTests {

    private static final Map<String, String> GOAL_STATUS_FI = Map.of(
            "REACHED", "Saavutettu",
            "ON_TRACK", "Etenee",
            "BEHIND", "Jäljessä",
            "OFF_TRACK", "Väärään suuntaan",
            "NO_DATA", "Ei vielä tietoa",
            "NO_TARGET", "Ei tavoitetasoa");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    PlanEditing planEditing;

    @Autowired
    Publishing publishing;

    @Test
    void thePlanPageShowsGoalProgressMeasureStatusAndSectorButNoStaffNames() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Org org = fixtures.organisation("julkaisu" + suffix);
        String slug = "julkaisu-" + suffix;
        UUID sector = fixtures.sector(org, "Liikuntapalvelut " + suffix);
        UUID owner = fixtures.person(org, "Pekka Piilotettu", sector);
        Plan plan = plans.plan(org, "Hyvinvointisuunnitelma " + suffix, 2025, 2028);
        UUID goal = plans.goal(org, plans.line(org, plan, "Liikkuva kunta"), "Nuoret liikkuvat enemmän");
        measure(org, goal, "Liikuntakerhot kouluihin", sector, owner, MeasureStatus.ONGOING, 40);
        measure(org, goal, "Uimakoulut kesällä", sector, owner, MeasureStatus.DONE, 100);
        publishing.save(
                org.tenant(),
                new PublicSite(
                        org.id(),
                        slug,
                        true,
                        false,
                        LocalizedText.of("Yhteenveto", null),
                        LocalizedText.of("Hyvinvointikoordinaattori Liisa Julkinen", null),
                        "hyte@example.fi",
                        null,
                        LocalizedText.of(null, null),
                        "PARTIAL",
                        LocalizedText.of(null, null),
                        "a@example.fi",
                        LocalDate.now(),
                        0,
                        -1));
        PublishedPlan published = publishing.publishPlan(org.tenant(), plan.id(), LocalDate.now());
        String goalStatus = published.lines().get(0).goals().get(0).status();

        PublicHttp web = new PublicHttp(port);
        String page = web.get("/o/" + slug + "/fi/plan").body();
        assertThat(page)
                .contains("Nuoret liikkuvat enemmän")
                .contains("public-status--" + goalStatus.toLowerCase())
                .contains(GOAL_STATUS_FI.get(goalStatus))
                .contains(published.percentDone() + " %")
                .contains("Liikuntakerhot kouluihin")
                .contains("Käynnissä")
                .contains("Uimakoulut kesällä")
                .contains("Tehty")
                .contains("Liikuntapalvelut " + suffix)
                .doesNotContain("Pekka Piilotettu")
                .doesNotContain("Piilotettu");
        for (String lang : List.of("fi", "sv", "en")) {
            assertThat(web.get("/o/" + slug + "/" + lang + "/plan").body())
                    .as(lang)
                    .doesNotContain("Pekka Piilotettu");
        }
        assertThat(web.get("/o/" + slug + "/fi/contact").body())
                .contains("Hyvinvointikoordinaattori Liisa Julkinen")
                .doesNotContain("Pekka Piilotettu");
    }

    private void measure(
            Org org, UUID goal, String title, UUID sector, UUID owner, MeasureStatus status, int progress) {
        planEditing.saveMeasure(
                org.tenant(),
                new Measure(
                        null,
                        null,
                        goal,
                        0,
                        0,
                        LocalizedText.of(title, null),
                        LocalizedText.of(null, null),
                        sector,
                        owner,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        status,
                        progress,
                        0,
                        null,
                        null));
    }
}
