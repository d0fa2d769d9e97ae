package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.report.domain.PlainLanguageLimits;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The plain-language check flags sentences over 15 words and words over 20 letters unless the
 * organisation set other limits (§ 8); another organisation keeps its own, bad limits change nothing.
 */
@HyteSpringTest
class PlainLanguageLimitsTests {

    /** 17 words, the longest 13 letters. */
    static final String SUMMARY = "Kunnan asukkaat voivat hyvin ja lapset liikkuvat enemmän kuin ennen, mutta nuorten"
            + " mielenterveys huolettaa yhä monia perheitä.";

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    PlainLanguageLimits limits;

    @LocalServerPort
    int port;

    UUID reportWithSummary(Org org) {
        UUID id = steps.start(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025, null);
        Report r = work.find(org.tenant(), id);
        work.saveSettings(
                org.tenant(),
                id,
                new ReportWork.Settings(
                        r.title(), null, false, r.changeThreshold(), LocalizedText.of(SUMMARY, null), null),
                r.version());
        return id;
    }

    @Test
    void theOrganisationsOwnLimitsDecideWhatIsFlagged() {
        Org org = fixtures.organisation("selko" + Long.toString(System.nanoTime(), 36));
        Org other = fixtures.organisation("selkob" + Long.toString(System.nanoTime(), 36));
        UUID id = reportWithSummary(org);
        UUID others = reportWithSummary(other);
        WebSession web = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);

        String before = web.get("/reports/" + id + "/settings").body();
        assertThat(before).contains("17 sanaa").contains("yli 15 sanaa").doesNotContain("pitkiä sanoja");

        WebSession.Response saved =
                web.post("/reports/" + id + "/plain-language", Map.of("maxWords", "20", "maxLetters", "10"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(limits.of(org.id())).isEqualTo(new PlainLanguageLimits.Limits(20, 10));
        String after = web.get("/reports/" + id + "/settings").body();
        assertThat(after)
                .contains("yli 20 sanaa")
                .doesNotContain("17 sanaa")
                .as("words over 10 letters are flagged now")
                .contains("pitkiä sanoja: mielenterveys");
        assertThat(after).contains("value=\"20\"").contains("value=\"10\"");

        WebSession otherWeb = WebSession.signedIn(port, other.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(otherWeb.get("/reports/" + others + "/settings").body()).contains("17 sanaa");
        assertThat(limits.of(other.id())).isEqualTo(PlainLanguageLimits.Limits.DEFAULT);
    }

    @Test
    void limitsOutOfRangeAreRefusedWithAMessageAndChangeNothing() {
        Org org = fixtures.organisation("selkoc" + Long.toString(System.nanoTime(), 36));
        UUID id = reportWithSummary(org);
        WebSession web = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        for (Map<String, String> bad : java.util.List.of(
                Map.of("maxWords", "2", "maxLetters", "20"),
                Map.of("maxWords", "15", "maxLetters", "500"),
                Map.of("maxWords", "kymmenen", "maxLetters", "20"),
                Map.of("maxLetters", "20"))) {
            WebSession.Response refused = web.post("/reports/" + id + "/plain-language", bad);
            assertThat(refused.status()).as("%s", bad).isEqualTo(302);
            assertThat(web.get(refused.location().replace("http://localhost:" + port, ""))
                            .body())
                    .contains("Anna sanojen määräksi 5–60 ja kirjainten määräksi 8–60.");
            assertThat(limits.of(org.id())).isEqualTo(PlainLanguageLimits.Limits.DEFAULT);
        }
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.post("/reports/" + id + "/plain-language", Map.of("maxWords", "30", "maxLetters", "30"))
                        .status())
                .isEqualTo(403);
        assertThat(limits.of(org.id())).isEqualTo(PlainLanguageLimits.Limits.DEFAULT);
    }
}
