package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county's regional report (§ 7): each member's latest value with the best–worst gap and a note
 * when the years differ, which members sent their approved extended report and when, the links the
 * county recorded, and never a member's draft.
 */
@HyteSpringTest
class RegionalReportTests {

    static final Locale FI = Locale.forLanguageTag("fi");
    static final Locale EN = Locale.forLanguageTag("en");

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    ReportSteps steps;

    @Autowired
    Reports reports;

    @Autowired
    Composer composer;

    @Autowired
    Imports imports;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Org county;
    Org sending;
    Org drafting;
    String sendingName;
    String draftingName;
    List<String> memberCodes;

    @BeforeEach
    void countyWithTwoMembers() {
        // A county no other test's organisation is in, so its members are exactly these two.
        String code = jdbc.sql("select c.code from region c where c.kind = 'WELLBEING_COUNTY' and not exists ("
                        + " select 1 from organisation o left join region m on m.kind = 'MUNICIPALITY'"
                        + " and m.code = o.region_code where (o.region_kind = 'WELLBEING_COUNTY' and o.region_code = c.code)"
                        + " or (o.region_kind = 'MUNICIPALITY' and m.county_code = c.code)) order by c.code limit 1")
                .query(String.class)
                .single();
        memberCodes = jdbc.sql("select code from region where kind = 'MUNICIPALITY' and county_code = ? order by code"
                        + " limit 2")
                .param(code)
                .query(String.class)
                .list();
        String prefix = "alue" + Long.toString(System.nanoTime(), 36);
        county = fixtures.organisation(prefix, RegionKind.WELLBEING_COUNTY, code);
        sending = fixtures.organisation(prefix + "a", RegionKind.MUNICIPALITY, memberCodes.get(0));
        drafting = fixtures.organisation(prefix + "b", RegionKind.MUNICIPALITY, memberCodes.get(1));
        sendingName = prefix + "a kunta";
        draftingName = prefix + "b kunta";
    }

    Tenant coordinator(Org org) {
        return new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "coordinator", Role.COORDINATOR, false);
    }

    /** The county's own indicator: the first member's latest value is from 2024, the second's from 2023. */
    int memberIndicator() {
        String code = county.prefix() + "x";
        String file = "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo\n"
                + code + ";Liikkuvat nuoret, %;%;" + memberCodes.get(0) + ";2023;yhteensä;40,0\n"
                + code + ";;;" + memberCodes.get(0) + ";2024;yhteensä;45,5\n"
                + code + ";;;" + memberCodes.get(1) + ";2022;yhteensä;30,0\n"
                + code + ";;;" + memberCodes.get(1) + ";2023;yhteensä;32,5\n";
        var result = imports.importNow(coordinator(county), "nuoret.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems()).isEmpty();
        int id = indicators.findLocal(county.id(), code).orElseThrow().id();
        return id;
    }

    UUID regional() {
        return steps.start(
                county.tenant(), ReportKind.REGIONAL, "Alueellinen hyvinvointikertomus 2025–2028", 2025, 2028, null);
    }

    BlockContent block(UUID report, String kind, Locale locale) {
        ReportContent content = composer.compose(
                        county.id(), work.find(county.tenant(), report), locale, ReportSteps.TODAY)
                .content();
        return content.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> b.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theMembersBlockShowsEveryMemberWithTheGapAndSaysWhenTheirLatestYearsDiffer() {
        int indicator = memberIndicator();
        UUID report = regional();
        UUID section = reports.sections(county.id(), report).get(1).id();
        work.addBlock(
                county.tenant(),
                report,
                section,
                new ReportWork.NewBlock(BlockKind.MEMBERS_INDICATOR, indicator, null, null, null, false),
                id -> true);

        BlockContent fi = block(report, "MEMBERS_INDICATOR", FI);
        assertThat(fi.hasData()).isTrue();
        assertThat(fi.table().rows()).hasSize(2);
        assertThat(fi.table().rows().get(0)).containsSubsequence("45,5", "2024");
        assertThat(fi.table().rows().get(1)).containsSubsequence("32,5", "2023");
        assertThat(fi.lead()).contains("45,5", "32,5", "13");
        assertThat(fi.notes()).anySatisfy(n -> assertThat(n).contains("2023–2024"));

        BlockContent en = block(report, "MEMBERS_INDICATOR", EN);
        assertThat(en.lead()).contains("45.5", "32.5", "13");
        assertThat(en.notes())
                .as("the years in the note are years, not numbers with a thousands separator")
                .anySatisfy(n -> assertThat(n).contains("(2023–2024)"));
    }

    @Test
    void theMembersBlockNeedsNoNoteWhenTheYearsAreTheSame() {
        String code = county.prefix() + "y";
        String file = "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo\n"
                + code + ";Liikkuvat lapset, %;%;" + memberCodes.get(0) + ";2024;yhteensä;50,0\n"
                + code + ";;;" + memberCodes.get(1) + ";2024;yhteensä;60,0\n";
        assertThat(imports.importNow(coordinator(county), "lapset.csv", file.getBytes(StandardCharsets.UTF_8))
                        .problems())
                .isEmpty();
        int indicator = indicators.findLocal(county.id(), code).orElseThrow().id();
        UUID report = regional();
        work.addBlock(
                county.tenant(),
                report,
                reports.sections(county.id(), report).get(1).id(),
                new ReportWork.NewBlock(BlockKind.MEMBERS_INDICATOR, indicator, null, null, null, false),
                id -> true);

        BlockContent fi = block(report, "MEMBERS_INDICATOR", FI);
        assertThat(fi.notes()).noneSatisfy(n -> assertThat(n).contains("eri vuosilta"));
        assertThat(fi.lead()).contains("60,0", "50,0");
    }

    @Test
    void theMemberReportsBlockListsWhoSentTheirApprovedReportAndWhenAndTheLinksTheCountyRecorded() {
        Tenant member = coordinator(sending);
        UUID extended = steps.ready(member, ReportKind.EXTENDED, "Laaja hyvinvointikertomus 2021–2024", 2021, 2024);
        steps.approve(member, extended, LocalDate.of(2026, 11, 30));
        UUID draft = steps.ready(coordinator(drafting), ReportKind.EXTENDED, "Luonnos ei näy maakunnalle", 2021, 2024);
        work.saveSection(
                coordinator(drafting),
                draft,
                reports.sections(drafting.id(), draft).get(0).id(),
                new ReportWork.SectionText(
                        LocalizedText.of("Yhteenveto", null),
                        LocalizedText.of("SALAINEN-LUONNOSTEKSTI", null),
                        null,
                        null,
                        null),
                reports.sections(drafting.id(), draft).get(0).version());

        WebSession memberWeb = WebSession.signedIn(port, sending.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession.Response sent = memberWeb.post("/reports/" + extended + "/send", Map.of());
        assertThat(sent.status()).isEqualTo(302);
        assertThat(work.find(member, extended).sentToCountyAt()).isNotNull();

        WebSession countyWeb = WebSession.signedIn(port, county.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession.Response linked = countyWeb.post(
                "/reports/member-links",
                Map.of(
                        "member", draftingName,
                        "title", "Hyvinvointikertomus 2021–2024 (kunnan sivuilla)",
                        "url", "https://example.fi/kertomus.pdf",
                        "approvedOn", "2026-10-15"));
        assertThat(linked.status()).isEqualTo(302);
        assertThat(linked.location()).doesNotContain("error");

        UUID regional = regional();
        BlockContent block = block(regional, "MEMBER_REPORTS", FI);
        assertThat(block.items())
                .filteredOn(i -> sendingName.equals(i.label()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.text()).contains("Laaja hyvinvointikertomus 2021–2024", "30.11.2026");
                    assertThat(i.markKind()).isEqualTo("supports");
                });
        assertThat(block.items())
                .filteredOn(i -> draftingName.equals(i.label()))
                .as("the linked member is listed once, with its link, not also as having no report")
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.text()).contains("https://example.fi/kertomus.pdf", "15.10.2026");
                    assertThat(i.markKind()).isEqualTo("no_data");
                });

        // The member's draft never reaches the county: not in its report, not at its address.
        ReportContent everything = composer.compose(
                        county.id(), work.find(county.tenant(), regional), FI, ReportSteps.TODAY)
                .content();
        assertThat(everything.toString())
                .doesNotContain("SALAINEN-LUONNOSTEKSTI")
                .doesNotContain("Luonnos ei näy maakunnalle");
        assertThat(countyWeb.get("/reports/" + draft).status()).isEqualTo(404);
        assertThat(countyWeb.get("/reports/" + draft + "/preview").status()).isEqualTo(404);
        assertThat(countyWeb.get("/reports/" + extended).status())
                .as("nor the sent report's own working page: the county reads the snapshot only")
                .isEqualTo(404);
        assertThat(countyWeb.get("/reports").body())
                .contains("Laaja hyvinvointikertomus 2021–2024")
                .doesNotContain("Luonnos ei näy maakunnalle");
    }

    @Test
    void aDraftCannotBeSentToTheCounty() {
        Tenant member = coordinator(sending);
        UUID draft = steps.ready(member, ReportKind.EXTENDED, "Keskeneräinen", 2021, 2024);
        WebSession memberWeb = WebSession.signedIn(port, sending.user(Role.COORDINATOR), Fixtures.PASSWORD);
        memberWeb.post("/reports/" + draft + "/send", Map.of());
        assertThat(work.find(member, draft).sentToCountyAt()).isNull();
        assertThat(reports.sentTo(county.id())).isEmpty();
    }
}
