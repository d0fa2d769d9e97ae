package fi.hyte.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The county's shared joys and worries take what each member recorded in its latest approved report,
 * read from that report's frozen snapshot, with the member's name and the report — and never a
 * member's draft, not even the reopened draft of the very report that was approved. A joy linked to
 * an indicator is grouped by it, read from the snapshot's data; a snapshot frozen before joys were
 * kept as data (session 7) gives the same joys read from its text.
 */
@HyteSpringTest
class RegionalJoysFromApprovedReportsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Outlines outlines;

    @Autowired
    Composer composer;

    @Autowired
    RegionalBlocks regionalBlocks;

    @Autowired
    FrozenCache frozen;

    @Autowired
    JdbcClient jdbc;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));

    /** A member's annual report ready for review, with a joys-and-worries block holding one joy. */
    private UUID readyWithJoy(Org member, String joy) {
        UUID id = work.start(
                member.tenant(),
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        LocalizedText.of(
                                "Vuosiraportti "
                                        + member.id().value().toString().substring(0, 4),
                                null),
                        today.getYear() - 1,
                        today.getYear() - 1,
                        null,
                        false,
                        false));
        for (Block b : reports.blocks(member.id(), id)) {
            work.deleteBlock(member.tenant(), id, b.id());
        }
        List<Section> sections = reports.sections(member.id(), id);
        for (Section s : sections) {
            work.saveSection(
                    member.tenant(),
                    id,
                    s.id(),
                    new ReportWork.SectionText(
                            s.title(),
                            LocalizedText.of("Teksti luvussa " + s.title().fi() + ".", null),
                            null,
                            null,
                            null),
                    s.version());
        }
        for (Outlines.MinimumItem item : outlines.minimumList().items()) {
            work.place(member.tenant(), id, item.key(), sections.get(0).id(), null);
        }
        work.addBlock(
                member.tenant(),
                id,
                sections.get(0).id(),
                new ReportWork.NewBlock(BlockKind.JOYS_WORRIES, null, null, null, null, false),
                i -> true);
        work.addJoyWorry(member.tenant(), id, JoyWorry.Kind.JOY, "Liikuntapalvelut", joy, null, i -> true);
        Report r = work.find(member.tenant(), id);
        work.saveSettings(
                member.tenant(),
                id,
                new ReportWork.Settings(
                        r.title(),
                        null,
                        false,
                        r.changeThreshold(),
                        LocalizedText.of("Hyvinvointi on hyvä.", null),
                        null),
                r.version());
        return id;
    }

    private void approveAndPublish(Org member, UUID id) {
        work.toReview(member.tenant(), id, today);
        work.lock(member.tenant(), id, today);
        work.handle(
                member.tenant(),
                id,
                new ReportWork.HandlingForm(
                        null, "Kunnanvaltuusto", today.minusDays(1), "§ 7", null, Handling.Outcome.APPROVED, null),
                today);
        work.publish(member.tenant(), id);
    }

    @Test
    void theJoysOfAMembersApprovedReportReachTheCountyWithTheMembersNameButADraftsNeverDo() {
        String suffix = Long.toString(System.nanoTime(), 36);
        // Pirkanmaa’s county (08) with Tampere (837) and Nokia (536): no other test uses them.
        Org county = fixtures.organisation("pirkanmaa" + suffix, RegionKind.WELLBEING_COUNTY, "08");
        Org tampere = fixtures.organisation("tampere" + suffix, RegionKind.MUNICIPALITY, "837");
        Org nokia = fixtures.organisation("nokia" + suffix, RegionKind.MUNICIPALITY, "536");

        UUID approved = readyWithJoy(tampere, "Uimahallin käyttö on kasvanut");
        int indicator = jdbc.sql("select id from indicator where organisation_id is null order by id limit 1")
                .query(Integer.class)
                .single();
        work.addJoyWorry(
                tampere.tenant(),
                approved,
                JoyWorry.Kind.WORRY,
                "Sosiaalipalvelut",
                "Yksinäisyys lisääntyy",
                indicator,
                i -> true);
        approveAndPublish(tampere, approved);
        // A correction reopens Tampere's report: the joy added to the draft stays Tampere's own.
        work.correct(tampere.tenant(), approved, "Täydennys");
        work.addJoyWorry(
                tampere.tenant(), approved, JoyWorry.Kind.WORRY, "Sosiaalityö", "LUONNOS-TAMPERE", null, i -> true);
        // Nokia has only a draft.
        readyWithJoy(nokia, "LUONNOS-NOKIA");

        UUID regional = work.start(
                county.tenant(),
                new ReportWork.NewReport(
                        ReportKind.REGIONAL,
                        LocalizedText.of("Alueellinen kertomus", null),
                        today.getYear() - 1,
                        today.getYear(),
                        null,
                        false,
                        false));
        ReportContent finnish = composer.compose(
                        county.id(), work.find(county.tenant(), regional), Locale.forLanguageTag("fi"), today)
                .content();
        BlockContent shared = finnish.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> b.kind().equals("MEMBERS_JOYS_WORRIES"))
                .findFirst()
                .orElseThrow();

        assertThat(shared.hasData()).as(shared.toString()).isTrue();
        List<String> row = shared.table().rows().stream()
                .filter(r -> r.get(5).contains("Uimahallin käyttö on kasvanut"))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(1)).isEqualTo("Ilonaihe");
        assertThat(row.get(4)).containsIgnoringCase("tampere");
        assertThat(row.get(5)).contains("Vuosiraportti");
        assertThat(shared.notes()).anySatisfy(n -> assertThat(n).contains("luettu 2 ilon- tai huolenaihetta"));
        String title = jdbc.sql("select title_fi from indicator where id = ?")
                .param(indicator)
                .query(String.class)
                .single();
        List<String> linked = shared.table().rows().stream()
                .filter(r -> r.get(5).contains("Yksinäisyys lisääntyy"))
                .findFirst()
                .orElseThrow();
        assertThat(linked.get(0)).as("grouped by the linked indicator").isEqualTo(title);
        assertThat(linked.get(1)).isEqualTo("Huolenaihe");

        // The snapshot keeps them as data; one frozen before that is read from its text to the same joys.
        Snapshot snapshot = reports.versions(tampere.id(), approved).stream()
                .filter(v -> v.versionNo() == 1)
                .findFirst()
                .flatMap(v -> reports.snapshot(tampere.id(), v.id()))
                .orElseThrow();
        Frozen kept = frozen.of(snapshot);
        assertThat(kept.data().joys())
                .extracting(ReportContent.JoyState::text, ReportContent.JoyState::indicatorId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Uimahallin käyttö on kasvanut", null),
                        org.assertj.core.groups.Tuple.tuple("Yksinäisyys lisääntyy", indicator));
        ReportContent.Data data = kept.data();
        Frozen older = new Frozen(
                kept.format(),
                kept.title(),
                kept.composedOn(),
                kept.languages(),
                new ReportContent.Data(data.values(), data.goals(), data.measures(), data.maturity(), null),
                kept.amendments());
        assertThat(regionalBlocks.frozenJoys(older))
                .extracting(
                        RegionalBlocks.FrozenJoy::kind,
                        RegionalBlocks.FrozenJoy::text,
                        RegionalBlocks.FrozenJoy::source,
                        RegionalBlocks.FrozenJoy::indicatorTitle)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "JOY", "Uimahallin käyttö on kasvanut", "Liikuntapalvelut", null),
                        org.assertj.core.groups.Tuple.tuple(
                                "WORRY", "Yksinäisyys lisääntyy", "Sosiaalipalvelut", title));
        assertThat(shared.source()).contains("hyväksytyt hyvinvointikertomukset");
        assertThat(shared.toString()).doesNotContain("LUONNOS-TAMPERE").doesNotContain("LUONNOS-NOKIA");
    }
}
