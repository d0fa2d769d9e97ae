package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.report.domain.Comment;
import fi.hyte.report.domain.JoyWorry;
import fi.hyte.report.domain.Placement;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportStatus;
import fi.hyte.report.domain.Reports;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's reports (§ 10), labelled as examples in years the demo data covers: a published
 * extended report of the previous term, an approved annual report, the next in review with comments
 * by two authors, joys and worries from five sectors and two omitted items with reasons, and the
 * county's regional draft.
 */
@HyteSpringTest
class DemoReportTests {

    static final OrganisationId MUNICIPALITY = OrganisationCatalog.DEMO_MUNICIPALITY;

    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 6);

    @Autowired
    Reports reports;

    @Autowired
    fi.hyte.report.domain.Composer composer;

    @LocalServerPort
    int port;

    Report only(List<Report> all, ReportKind kind, ReportStatus status) {
        List<Report> found = all.stream()
                .filter(r -> r.kind() == kind && r.status() == status)
                .toList();
        assertThat(found).as("%s %s", kind, status).hasSize(1);
        return found.get(0);
    }

    @Test
    void theDemoMunicipalityHasAPublishedExtendedReportAnApprovedAnnualOneAndTheNextInReview() {
        List<Report> all = reports.of(MUNICIPALITY);
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(r ->
                        assertThat(r.example()).as("labelled as an example").isTrue());

        Report extended = only(all, ReportKind.EXTENDED, ReportStatus.PUBLISHED);
        assertThat(extended.firstYear()).isEqualTo(2021);
        assertThat(extended.lastYear()).as("the previous council term").isEqualTo(2024);
        assertThat(new WebSession(port)
                        .get("/public/reports/" + extended.id() + "/fi")
                        .status())
                .isEqualTo(200);

        Report approved = only(all, ReportKind.ANNUAL, ReportStatus.APPROVED);
        assertThat(approved.lastYear()).isEqualTo(2025);
        assertThat(reports.snapshots(MUNICIPALITY, approved.id())).hasSize(1);

        Report review = only(all, ReportKind.ANNUAL, ReportStatus.REVIEW);
        assertThat(review.lastYear()).isEqualTo(2026);
        List<Comment> comments = reports.comments(MUNICIPALITY, review.id());
        assertThat(comments.stream().map(Comment::authorName).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(comments)
                .anySatisfy(c ->
                        assertThat(c.parentId()).as("an answer in a thread").isNotNull());

        List<JoyWorry> joys = reports.joysAndWorries(MUNICIPALITY, review.id());
        assertThat(joys.stream().map(JoyWorry::source).distinct()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(joys).extracting(JoyWorry::kind).contains(JoyWorry.Kind.JOY, JoyWorry.Kind.WORRY);

        List<Placement> omitted = reports.placements(MUNICIPALITY, review.id()).stream()
                .filter(p -> p.sectionId() == null)
                .toList();
        assertThat(omitted)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.omittedReason()).isNotBlank());
    }

    @Test
    void theDemoCountyHasARegionalDraftAndHasReceivedTheExtendedReport() {
        List<Report> county = reports.of(OrganisationCatalog.DEMO_COUNTY);
        Report regional = only(county, ReportKind.REGIONAL, ReportStatus.DRAFT);
        assertThat(regional.example()).isTrue();
        assertThat(composer
                        .compose(OrganisationCatalog.DEMO_COUNTY, regional, Locale.forLanguageTag("fi"), TODAY)
                        .content()
                        .sections()
                        .stream()
                        .flatMap(s -> s.blocks().stream())
                        .filter(b -> b.kind().equals("MEMBERS_INDICATOR")))
                .as("the members' diabetes figures, each member with the best–worst gap")
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.hasData()).isTrue();
                    assertThat(b.table().rows()).hasSizeGreaterThanOrEqualTo(2);
                });
        assertThat(reports.sentTo(OrganisationCatalog.DEMO_COUNTY))
                .anySatisfy(m -> assertThat(m.organisation()).isEqualTo(MUNICIPALITY));
    }
}
