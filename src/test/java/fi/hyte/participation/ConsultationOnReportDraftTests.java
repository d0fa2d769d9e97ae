package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 §2: a coordinator opens a consultation on a report draft. The chapters of the
 * organisation's reports in preparation are offered beside the plan's goals, a chosen one becomes a
 * section with its heading as it was, and another organisation's draft is never offered.
 */
@HyteSpringTest
class ConsultationOnReportDraftTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Consultations consultations;

    @Test
    void aReportDraftsChaptersCanBeOpenedToResidentsAndKeepTheirHeadings() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Org org = fixtures.organisation("kkl" + suffix);
        Org other = fixtures.organisation("kkv" + suffix);
        UUID report = work.start(
                org.tenant(),
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of("Vuosikertomus " + suffix, null),
                        2026,
                        2026,
                        null,
                        false,
                        false));
        work.start(
                other.tenant(),
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of("Vieras kertomus " + suffix, null),
                        2026,
                        2026,
                        null,
                        false,
                        false));
        List<Section> chapters = reports.sections(org.id(), report);
        Section second = chapters.get(1);
        String heading = "Vuosikertomus " + suffix + ": " + second.title().fi();

        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String page = coordinator.get("/participation/consultations").body();
        assertThat(page)
                .contains("K2026.1 Vuosikertomus " + suffix + ": ")
                .contains("K2026.2 " + heading)
                .doesNotContain("Vieras kertomus");

        LocalDateTime now = LocalDateTime.now().withSecond(0).withNano(0);
        Response created = coordinator.post(
                "/participation/consultations",
                Map.of(
                        "titleFi", "Kerro mielipiteesi kertomuksesta",
                        "introFi", "Luonnos on auki kommenteille.",
                        "opensAt", now.toString(),
                        "closesAt", now.plusDays(14).toString(),
                        "moderation", "POST",
                        "sections", "K2026.2"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        UUID id = UUID.fromString(
                created.location().replaceAll(".*/consultations/", "").replaceAll("[?#].*", ""));
        List<Consultation.Section> sections = consultations.sections(org.id(), id);
        assertThat(sections).extracting(Consultation.Section::ref).containsExactly("K2026.2");
        assertThat(sections.get(0).title().fi()).isEqualTo(heading);
    }
}
