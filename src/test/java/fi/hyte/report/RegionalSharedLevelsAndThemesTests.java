package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.maturity.domain.Consensus;
import fi.hyte.maturity.domain.MaturityRound;
import fi.hyte.maturity.domain.RoundStatus;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportDocuments;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.Pdfs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county's regional report gathers what its member municipalities share: their concluded maturity
 * levels (never an open round's) and the joys and worries their residents published, counted by how
 * many members raised each.
 */
@HyteSpringTest
class RegionalSharedLevelsAndThemesTests {

    static final List<String> CRITERIA = List.of("strategy", "collaboration", "goals", "concept", "inequality");

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    Composer composer;

    @Autowired
    ReportDocuments documents;

    @Autowired
    Rounds rounds;

    @Autowired
    fi.hyte.participation.domain.JoysAndWorries joys;

    @Autowired
    JdbcClient jdbc;

    /** A round with the same agreed level for every criterion. */
    private void round(OrganisationId org, String title, LocalDate on, RoundStatus status, int level) {
        UUID id = UUID.randomUUID();
        rounds.insert(org, new MaturityRound(id, "promeq-2019", 1, title, on, null, status, false, 0));
        for (String criterion : CRITERIA) {
            rounds.saveConsensus(org, id, new Consensus(criterion, level, "Sovittu", "testi", null, 0), -1);
        }
    }

    private void worry(Org member, String title, List<Integer> indicators, int mentions) {
        UUID collection = joys.create(
                        member.tenant(),
                        LocalizedText.of("Mikä huolettaa?", null),
                        LocalizedText.of(null, null),
                        Instant.now().minusSeconds(60),
                        null,
                        false)
                .id();
        for (int i = 0; i < mentions; i++) {
            joys.addWorkshopItem(
                    member.tenant(), collection, "WORRY", title + " " + i, "Vanhusneuvosto", null, null, null);
        }
        UUID theme = joys.addTheme(member.tenant(), collection, "WORRY", LocalizedText.of(title, null), indicators)
                .id();
        joys.group(
                member.tenant(),
                collection,
                theme,
                joys.items(member.id(), collection, false).stream()
                        .map(fi.hyte.participation.domain.JoysAndWorries.Item::id)
                        .toList());
    }

    @Test
    void theRegionalReportShowsTheMembersConcludedLevelsAndTheWorriesTheyShareButNoOpenRound() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        // Lapland's county (21) with Rovaniemi (698) and Kemi (240): no other test uses them.
        Org county = fixtures.organisation("lappi" + suffix, RegionKind.WELLBEING_COUNTY, "21");
        Org rovaniemi = fixtures.organisation("rovaniemi" + suffix, RegionKind.MUNICIPALITY, "698");
        Org kemi = fixtures.organisation("kemi" + suffix, RegionKind.MUNICIPALITY, "240");
        int year = LocalDate.now(ZoneId.of("Europe/Helsinki")).getYear();

        round(rovaniemi.id(), "Rovaniemen arvio", LocalDate.of(year - 1, 3, 1), RoundStatus.CLOSED, 3);
        // Kemi's only round is still open: its levels are not Kemi's conclusion and must not show.
        round(kemi.id(), "Kemin keskeneräinen arvio", LocalDate.of(year, 3, 1), RoundStatus.OPEN, 1);

        List<Integer> indicators = jdbc.sql(
                        "select id from indicator where organisation_id is null order by id limit 2")
                .query(Integer.class)
                .list();
        worry(rovaniemi, "Ikäihmisten yksinäisyys", List.of(indicators.get(0)), 2);
        worry(kemi, "Yksinäiset vanhukset", List.of(indicators.get(0)), 3);
        worry(kemi, "Nuorten mielenterveys", List.of(indicators.get(1)), 1);

        UUID regional = work.start(
                county.tenant(),
                new ReportWork.NewReport(
                        ReportKind.REGIONAL,
                        LocalizedText.of("Alueellinen kertomus", null),
                        year - 1,
                        year,
                        null,
                        false,
                        false));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        ReportContent finnish = composer.compose(
                        county.id(), work.find(county.tenant(), regional), Locale.forLanguageTag("fi"), today)
                .content();

        BlockContent maturity = block(finnish, "MEMBERS_MATURITY");
        assertThat(maturity.hasData()).isTrue();
        assertThat(maturity.table().rows()).hasSize(5).allSatisfy(row -> {
            assertThat(row.get(1)).startsWith("3");
            assertThat(row.get(2)).isEqualTo("1 / 1");
            assertThat(row.get(3)).isEqualTo("3");
        });
        assertThat(maturity.items())
                .anySatisfy(i -> assertThat(i.text()).startsWith("Rovaniemen arvio"))
                .anySatisfy(i -> assertThat(i.text()).isEqualTo("Ei päätettyä kypsyystasoarviota."));
        assertThat(maturity.toString()).doesNotContain("Kemin keskeneräinen arvio");
        assertThat(maturity.notes()).anySatisfy(n -> assertThat(n).startsWith("1 kunnalla 2:stä"));

        BlockContent shared = block(finnish, "MEMBERS_JOYS_WORRIES");
        assertThat(shared.hasData()).isTrue();
        List<String> first = shared.table().rows().get(0);
        assertThat(first.get(1)).isEqualTo("Huolenaihe");
        assertThat(first.get(2)).isEqualTo("2 / 2");
        assertThat(first.get(3)).isEqualTo("5");
        assertThat(first.get(5)).contains("Ikäihmisten yksinäisyys").contains("Yksinäiset vanhukset");
        assertThat(shared.table().rows().get(1).get(2)).isEqualTo("1 / 2");
        assertThat(shared.lead()).contains("1 aihetta");

        // Concluding Kemi's round brings its levels in and changes the block's fingerprint.
        String before = maturity.fingerprint();
        jdbc.sql("update maturity_round set status = 'CLOSED' where organisation_id = ?")
                .param(kemi.id().value())
                .update();
        BlockContent now = block(
                composer.compose(county.id(), work.find(county.tenant(), regional), Locale.forLanguageTag("sv"), today)
                        .content(),
                "MEMBERS_MATURITY");
        assertThat(now.fingerprint()).isNotEqualTo(before);
        assertThat(now.table().rows().get(0).get(3)).isEqualTo("1–3");
        assertThat(now.heading()).isEqualTo("Kommunernas mognadsnivåer");

        // The same blocks go to the PDF and the DOCX through the one document model.
        byte[] pdf = documents.pdf(finnish, null);
        assertThat(pdf.length).isGreaterThan(1000);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("regional", ".pdf");
        java.nio.file.Files.write(file, pdf);
        String text = Pdfs.run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
        assertThat(text).contains("Kuntien kypsyystasot").contains("Kuntien yhteiset ilon- ja huolenaiheet");
        assertThat(documents.docx(finnish, null).length).isGreaterThan(1000);

        // A municipality's own report has no members to gather.
        UUID own = work.start(
                kemi.tenant(),
                new ReportWork.NewReport(
                        ReportKind.ANNUAL, LocalizedText.of("Vuosi", null), year - 1, year - 1, null, false, false));
        work.addBlock(
                kemi.tenant(),
                own,
                reports.sections(kemi.id(), own).get(0).id(),
                new ReportWork.NewBlock(BlockKind.MEMBERS_MATURITY, null, null, null, null, false),
                id -> true);
        BlockContent notCounty = block(
                composer.compose(kemi.id(), work.find(kemi.tenant(), own), Locale.forLanguageTag("fi"), today)
                        .content(),
                "MEMBERS_MATURITY");
        assertThat(notCounty.hasData()).isFalse();
        assertThat(notCounty.empty()).isEqualTo("Tämä lohko on hyvinvointialueen kertomusta varten.");
    }

    @Autowired
    Reports reports;

    private static BlockContent block(ReportContent content, String kind) {
        return content.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> kind.equals(b.kind()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no block " + kind));
    }
}
