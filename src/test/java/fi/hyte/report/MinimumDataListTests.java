package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.Role;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The minimum data list's Sotkanet ids are links to the indicator (§ 3): to Hyte's own indicator
 * page for staff, to Sotkanet's indicator page on the public page.
 */
@HyteSpringTest
class MinimumDataListTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Outlines outlines;

    @LocalServerPort
    int port;

    @Test
    void aSotkanetIdLinksToTheIndicatorForStaffAndToSotkanetInPublic() {
        Org org = fixtures.organisation("vahimmais" + Long.toString(System.nanoTime(), 36));
        UUID id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
        work.addBlock(
                org.tenant(),
                id,
                reports.sections(org.id(), id).get(3).id(),
                new ReportWork.NewBlock(BlockKind.MINIMUM_DATA, null, null, null, null, false),
                i -> true);
        int sotkanet = outlines.minimumList().items().stream()
                .map(Outlines.MinimumItem::sotkanetId)
                .filter(s -> s != null)
                .findFirst()
                .orElseThrow();

        WebSession staff = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String preview = staff.get("/reports/" + id + "/preview").body();
        assertThat(preview).contains("<a href=\"/indicators/" + sotkanet + "\">" + sotkanet + "</a>");
        assertThat(preview).doesNotContain("sotkanet.fi/sotkanet/");

        steps.approve(org.tenant(), id, LocalDate.of(2026, 12, 1));
        work.publish(org.tenant(), id);
        WebSession.Response fi = new WebSession(port).get("/public/reports/" + id + "/fi");
        assertThat(fi.status()).isEqualTo(200);
        assertThat(fi.body())
                .contains("<a href=\"https://sotkanet.fi/sotkanet/fi/metadata/indicators/" + sotkanet + "\">" + sotkanet
                        + "</a>")
                .doesNotContain("href=\"/indicators/");
        assertThat(new WebSession(port).get("/public/reports/" + id + "/sv").body())
                .contains("https://sotkanet.fi/sotkanet/sv/metadata/indicators/" + sotkanet);
    }
}
