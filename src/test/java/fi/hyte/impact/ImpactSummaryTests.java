package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.DecisionText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** §7: the summary is editable up to 2,500 characters; a longer one is refused in the user's language, nothing saved. */
@HyteSpringTest
class ImpactSummaryTests {

    @LocalServerPort
    int port;

    @Autowired
    ImpactCaseMaker make;

    @Test
    void theEditedSummaryIsKeptAndOneOverTheLimitIsRefusedInFinnishSwedishAndEnglishWithNothingSaved() {
        Org org = make.org("summ");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.create(org, t, "Tiivis", LocalDate.now().plusMonths(1));
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String path = "/impact/cases/" + id + "/summary";

        String exactly = "a".repeat(DecisionText.MAX);
        var saved = coordinator.post(
                path,
                Map.of(
                        "summaryFi",
                        exactly,
                        "summarySv",
                        "Kort sammandrag.",
                        "action",
                        "save",
                        "version",
                        String.valueOf(make.version(t, id))));
        assertThat(saved.status()).isEqualTo(302);
        // A browser follows the redirect at once, which takes the "saved" notice off the session.
        assertThat(coordinator
                        .get(saved.location()
                                .replaceFirst("^https?://[^/]+", "")
                                .replaceFirst("#.*", ""))
                        .body())
                .contains("Tallennettu.");
        assertThat(make.get(t, id).summaryFi()).isEqualTo(exactly);
        assertThat(make.get(t, id).summarySv()).isEqualTo("Kort sammandrag.");

        Map<String, String> messages = Map.of(
                "fi", "Tiivistelmä saa olla enintään 2 500 merkkiä.",
                "sv", "Sammandraget får vara högst 2 500 tecken.",
                "en", "The summary may be at most 2,500 characters.");
        for (Map.Entry<String, String> language : messages.entrySet()) {
            coordinator.get("/impact?lang=" + language.getKey());
            int version = make.version(t, id);
            var refused = coordinator.post(
                    path,
                    Map.of(
                            "summaryFi",
                            "Uusi",
                            "summarySv",
                            "b".repeat(DecisionText.MAX + 1),
                            "action",
                            "save",
                            "version",
                            String.valueOf(version)));
            assertThat(refused.status()).as(refused.location()).isEqualTo(302);
            assertThat(refused.location()).contains("/impact/cases/" + id);
            String page = coordinator
                    .get(refused.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""))
                    .body();
            assertThat(page).as(language.getKey()).contains(language.getValue());
            assertThat(make.version(t, id)).isEqualTo(version);
            assertThat(make.get(t, id).summaryFi()).isEqualTo(exactly);
            assertThat(make.get(t, id).summarySv()).isEqualTo("Kort sammandrag.");
        }
        coordinator.get("/impact?lang=fi");
    }
}
