package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Comment;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writing together (§ 4): editors write their sector's sections only, comments are threads that
 * are resolved and never published, a signed-off section marks data changed since, sections are
 * added, renamed, reordered and removed with their history, and of two saves the later is refused.
 */
@HyteSpringTest
class WritingTogetherTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    UserAccounts users;

    @Autowired
    Imports imports;

    @Autowired
    IndicatorCatalog indicators;

    @LocalServerPort
    int port;

    Org org;
    UUID id;

    @BeforeEach
    void aReport() {
        org = fixtures.organisation("yhdessa" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
        id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
    }

    Tenant as(Role role) {
        return new Tenant(org.id(), users.find(org.user(role)).orElseThrow(), role.name(), role, false);
    }

    Section section(int i) {
        return reports.sections(org.id(), id).get(i);
    }

    void assign(Section s, UUID sector) {
        work.saveSection(
                org.tenant(),
                id,
                s.id(),
                new ReportWork.SectionText(s.title(), s.body(), null, sector, LocalDate.of(2026, 12, 20)),
                s.version());
    }

    ReportWork.SectionText text(Section s, String body) {
        return new ReportWork.SectionText(
                s.title(), LocalizedText.of(body, null), s.authorPersonId(), s.sectorId(), s.dueOn());
    }

    @Test
    void anEditorWritesTheirSectorsSectionAndIsRefusedAnotherSectors() {
        UUID education = fixtures.sector(org, "Sivistys");
        UUID technical = fixtures.sector(org, "Tekninen");
        fixtures.person(org, "Eeva Editori", education, Role.EDITOR);
        assign(section(1), education);
        assign(section(2), technical);
        Tenant editor = as(Role.EDITOR);

        work.saveSection(
                editor,
                id,
                section(1).id(),
                text(section(1), "Sivistyksen teksti."),
                section(1).version());
        assertThat(section(1).body().fi()).isEqualTo("Sivistyksen teksti.");
        Section other = section(2);
        assertThatThrownBy(() -> work.saveSection(editor, id, other.id(), text(other, "Ei minun."), other.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(section(2).body().fi()).isEqualTo(other.body().fi());

        WebSession web = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("titleFi", other.title().fi());
        form.put("bodyFi", "Ei minun verkossakaan.");
        form.put("version", String.valueOf(other.version()));
        assertThat(web.post("/reports/" + id + "/sections/" + other.id(), form).status())
                .isEqualTo(403);
        assertThat(section(2).body().fi()).isEqualTo(other.body().fi());
    }

    @Test
    void commentsAreThreadsThatAreResolvedAndNeverPublished() {
        Section s = section(1);
        UUID question = work.comment(as(Role.EDITOR), id, s.id(), null, null, "KOMMENTTI-KYSYMYS: lähde?");
        UUID answer = work.comment(as(Role.COORDINATOR), id, s.id(), null, question, "KOMMENTTI-VASTAUS: THL.");
        // An answer to an answer joins the same thread.
        UUID more = work.comment(as(Role.EDITOR), id, s.id(), null, answer, "KOMMENTTI-KIITOS");
        List<Comment> comments = reports.comments(org.id(), id);
        assertThat(comments)
                .filteredOn(c -> c.id().equals(answer) || c.id().equals(more))
                .allSatisfy(c -> assertThat(c.parentId()).isEqualTo(question));

        work.resolve(as(Role.EDITOR), id, answer);
        assertThat(reports.comments(org.id(), id))
                .filteredOn(c -> c.id().equals(question))
                .singleElement()
                .satisfies(c -> assertThat(c.resolved()).isTrue());

        steps.approve(org.tenant(), id, LocalDate.of(2026, 12, 1));
        work.publish(org.tenant(), id);
        Snapshot snapshot = reports.snapshots(org.id(), id).get(0);
        assertThat(reports.snapshot(org.id(), snapshot.id()).orElseThrow().content())
                .doesNotContain("KOMMENTTI");
        String page = new WebSession(port).get("/public/reports/" + id + "/fi").body();
        assertThat(page).contains("Vuosiraportti 2025").doesNotContain("KOMMENTTI");
    }

    @Test
    void aSignedOffSectionMarksABlockWhoseDataChangedSince() {
        String code = org.prefix() + "x";
        load(code, "40,0");
        int indicator = indicators.findLocal(org.id(), code).orElseThrow().id();
        Section s = section(1);
        work.addBlock(
                org.tenant(),
                id,
                s.id(),
                new ReportWork.NewBlock(BlockKind.INDICATOR, indicator, null, null, null, false),
                i -> true);
        work.review(org.tenant(), id, s.id(), ReportSteps.TODAY);
        WebSession web = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String mark = "Tiedot muuttuneet tarkastuksen jälkeen";
        assertThat(section(1).reviewedAt()).isNotNull();
        assertThat(web.get("/reports/" + id + "/sections/" + s.id()).body()).doesNotContain(mark);
        assertThat(web.get("/reports/" + id + "/preview").body()).doesNotContain(mark);

        load(code, "41,5");

        assertThat(web.get("/reports/" + id + "/sections/" + s.id()).body()).contains(mark);
        assertThat(web.get("/reports/" + id + "/preview").body()).contains(mark);
    }

    void load(String code, String value) {
        String file = "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo\n" + code
                + ";Liikkuvat nuoret, %;%;245;2024;yhteensä;" + value + "\n";
        assertThat(imports.importNow(as(Role.COORDINATOR), code + ".csv", file.getBytes(StandardCharsets.UTF_8))
                        .problems())
                .isEmpty();
    }

    @Test
    void sectionsAreAddedRenamedReorderedAndRemovedAndTheHistoryListsTheChanges() {
        int before = reports.sections(org.id(), id).size();
        UUID added = work.addSection(org.tenant(), id, LocalizedText.of("Uusi luku", null));
        assertThat(reports.sections(org.id(), id))
                .hasSize(before + 1)
                .last()
                .extracting(Section::id)
                .isEqualTo(added);

        Section fresh = reports.section(org.id(), added).orElseThrow();
        work.saveSection(
                org.tenant(),
                id,
                added,
                new ReportWork.SectionText(
                        LocalizedText.of("Nimetty uudelleen", null),
                        LocalizedText.of("Luvun teksti.", null),
                        null,
                        null,
                        null),
                fresh.version());
        work.moveSection(org.tenant(), id, added, -1);
        List<Section> now = reports.sections(org.id(), id);
        assertThat(now.get(now.size() - 2).id()).isEqualTo(added);
        assertThat(now.get(now.size() - 2).title().fi()).isEqualTo("Nimetty uudelleen");

        WebSession web = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String page = web.get("/reports/" + id + "/sections/" + added).body();
        assertThat(page).contains("Nimetty uudelleen").contains("Luvun teksti.");
        assertThat(page.substring(page.indexOf("history-title"))).contains("Nimetty uudelleen");

        UUID removed = section(1).id();
        work.deleteSection(org.tenant(), id, removed);
        assertThat(reports.sections(org.id(), id)).extracting(Section::id).doesNotContain(removed);
        assertThat(reports.sections(org.id(), id)).hasSize(before);
    }

    @Test
    void ofTwoSavesTheLaterIsRefusedAndThePageShowsBothTexts() {
        Section s = section(1);
        WebSession first = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession second = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        Map<String, String> mine = new LinkedHashMap<>();
        mine.put("titleFi", s.title().fi());
        mine.put("bodyFi", "ENSIMMÄINEN tallennettu teksti.");
        mine.put("version", String.valueOf(s.version()));
        assertThat(first.post("/reports/" + id + "/sections/" + s.id(), mine).status())
                .isEqualTo(302);

        Map<String, String> theirs = new LinkedHashMap<>(mine);
        theirs.put("bodyFi", "TOINEN tallentamaton teksti.");
        WebSession.Response refused = second.post("/reports/" + id + "/sections/" + s.id(), theirs);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Joku muu tallensi luvun sillä välin.")
                .contains("ENSIMMÄINEN tallennettu teksti.")
                .contains("TOINEN tallentamaton teksti.");
        assertThat(section(1).body().fi()).isEqualTo("ENSIMMÄINEN tallennettu teksti.");
    }
}
