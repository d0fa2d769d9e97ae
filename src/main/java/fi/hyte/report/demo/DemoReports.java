package fi.hyte.report.demo;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.JoyWorry;
import fi.hyte.report.domain.Outlines;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example content, labelled as such: the demo municipality's extended report of the previous council
 * term (published), its approved annual report for 2025, the annual report for 2026 in review with
 * comments by two authors, joys and worries from five sectors and two items of the minimum data list
 * left out with reasons; the county has a regional draft and has received the municipality's
 * extended report. The texts are invented; every block shows the demo's own data through the same
 * handling a real report goes through.
 */
@Component
class DemoReports implements DemoContent {

    private final Reports reports;
    private final ReportWork work;
    private final Outlines outlines;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final OrganisationCatalog organisations;

    DemoReports(
            Reports reports,
            ReportWork work,
            Outlines outlines,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            OrganisationCatalog organisations) {
        this.reports = reports;
        this.work = work;
        this.outlines = outlines;
        this.plans = plans;
        this.indicators = indicators;
        this.organisations = organisations;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (!reports.of(org).isEmpty()) {
            return;
        }
        Tenant laura = new Tenant(org, null, "Laura Nieminen", Role.COORDINATOR);
        Tenant mikko = new Tenant(org, null, "Mikko Korhonen", Role.COORDINATOR);
        IntPredicate visible = id -> indicators.find(org, id).isPresent();
        List<Integer> set = indicators.setOverview(org).items().stream()
                .map(i -> i.series().indicator().id())
                .toList();
        UUID plan = plans.plans(org).stream()
                .findFirst()
                .map(PlanCatalog.PlanInfo::id)
                .orElse(null);
        UUID council = body(org, "Kaupunginvaltuusto");
        UUID board = body(org, "Kaupunginhallitus");

        // The previous term's extended report, approved and published, sent to the county.
        UUID extended = work.start(
                laura,
                new ReportWork.NewReport(
                        ReportKind.EXTENDED,
                        new LocalizedText(
                                "Hyvinvointikertomus 2021–2024 ja hyvinvointisuunnitelma 2025–2029",
                                "Välfärdsberättelse 2021–2024 och välfärdsplan 2025–2029",
                                null),
                        2021,
                        2024,
                        null,
                        false,
                        true));
        settings(
                laura,
                extended,
                plan,
                "Keravalaisten hyvinvointi on pääosin hyvällä tasolla. Nuorten mielen hyvinvointi ja liikkuminen huolettavat.\n\nSuunnitelma keskittyy kolmeen asiaan: nuorten hyvinvointiin, liikkumiseen ja työllisyyteen.",
                "Keravabornas välfärd är i huvudsak god. Ungas psykiska välfärd och motion oroar.");
        write(
                laura,
                extended,
                Map.of(
                        "summary",
                                "Kertomus kokoaa valtuustokauden 2021–2024 hyvinvointitiedot ja uuden suunnitelman. **Vahvuuksia** ovat harrastusmahdollisuudet ja toimiva yhteistyö hyvinvointialueen kanssa. Kehitettävää on nuorten mielen hyvinvoinnissa ja pitkäaikaistyöttömyydessä.",
                        "background",
                                "Kaupunginhallitus päätti kertomuksen laatimisesta keväällä 2024. Kertomuksen valmisteli hyvinvointiryhmä, jossa ovat kaikki toimialat, hyvinvointialue ja järjestöjen edustaja.\n\n- Asukkaat vastasivat kyselyyn syksyllä 2024.\n- Nuorisovaltuusto ja vanhusneuvosto antoivat lausunnot.\n- Kertomus liittyy kaupunkistrategiaan 2025–2029.",
                        "wellbeing",
                                "Tiedot ovat THL:n Sotkanetista ja kaupungin omista tilastoista. Osa kouluterveyskyselyn tiedoista on vuodelta 2023.",
                        "differences", "Erot näkyvät erityisesti sukupuolten välillä nuorten kokemassa terveydessä.",
                        "joys", "Toimialat kirjasivat havaintonsa hyvinvointiryhmän työpajassa.",
                        "strengths",
                                "Hyvinvointijohtamisen kypsyys on noussut edellisestä arviosta strategian ja yhteistyön osa-alueilla.",
                        "plan",
                                "Suunnitelmassa on kolme painopistettä. Jokaisella tavoitteella on mittari, lähtötaso ja tavoitetaso.",
                        "appendices", "Liitteissä ovat vähimmäistietolistan tiedot ja perustelut pois jätetyille."));
        joys(
                laura,
                extended,
                visible,
                set,
                List.of(
                        new Joy(
                                JoyWorry.Kind.JOY,
                                "Vapaa-aika ja hyvinvointi",
                                "Harrastustakuu on tavoittanut uusia nuoria.",
                                -1),
                        new Joy(
                                JoyWorry.Kind.WORRY,
                                "Kasvatus ja oppiminen",
                                "Yhä useampi nuori kertoo ahdistuneisuudesta.",
                                0),
                        new Joy(
                                JoyWorry.Kind.WORRY,
                                "Elinvoima ja työllisyys",
                                "Pitkäaikaistyöttömien määrä ei ole laskenut.",
                                3)));
        blocks(laura, extended, "wellbeing", visible, set, 0, 2, 3);
        goal(laura, extended, plan);
        placeAll(laura, extended, List.of());
        approve(
                laura,
                extended,
                council,
                LocalDate.of(2025, 3, 24),
                "§ 18",
                List.of(new Step(board, LocalDate.of(2025, 3, 10), "§ 61", Handling.Outcome.FORWARDED, null)));
        work.publish(laura, extended);
        work.sendToCounty(laura, extended);

        // The annual report for 2025: approved by the council, not yet published.
        UUID annual2025 = work.start(
                laura,
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        new LocalizedText("Hyvinvoinnin vuosiraportti 2025", "Årsrapport om välfärden 2025", null),
                        2025,
                        2025,
                        null,
                        false,
                        true));
        settings(
                laura,
                annual2025,
                plan,
                "Suunnitelman ensimmäinen vuosi alkoi hyvin. Suurin osa toimenpiteistä on aloitettu.",
                null);
        write(
                laura,
                annual2025,
                Map.of(
                        "summary",
                                "Vuosi 2025 oli suunnitelman ensimmäinen. Toimenpiteistä suurin osa on käynnissä, ja nuorten liikkumisen tavoite etenee.",
                        "progress", "Tavoitteiden tilanne arvioitiin hyvinvointiryhmässä tammikuussa.",
                        "changes", "Indikaattoreita verrattiin laajaan kertomukseen 2021–2024.",
                        "budget",
                                "Vuoden 2027 talousarviossa painotetaan nuorten mielen hyvinvointia ja työllisyyttä."));
        placeAll(laura, annual2025, List.of());
        approve(
                laura,
                annual2025,
                council,
                LocalDate.of(2026, 5, 18),
                "§ 42",
                List.of(new Step(board, LocalDate.of(2026, 5, 4), "§ 88", Handling.Outcome.FORWARDED, null)));

        // The annual report for 2026, started from the 2025 one, in review with comments.
        UUID annual2026 = work.start(
                laura,
                new ReportWork.NewReport(
                        ReportKind.ANNUAL,
                        new LocalizedText("Hyvinvoinnin vuosiraportti 2026", "Årsrapport om välfärden 2026", null),
                        2026,
                        2026,
                        annual2025,
                        false,
                        true));
        settings(
                laura,
                annual2026,
                plan,
                "Suunnitelman toinen vuosi: nuorten liikkuminen lisääntyi, työllisyys ei vielä parantunut.",
                null);
        dropEvaluations(org, annual2026);
        write(
                laura,
                annual2026,
                Map.of(
                        "summary",
                                "Vuonna 2026 nuorten liikkumisen toimenpiteet etenivät. Työllisyyden tavoite on jäljessä.",
                        "progress", "Vuoden 2026 arvioinnit tehdään tammikuussa 2027; tässä on tilanne joulukuussa.",
                        "budget", "Vuoden 2028 talousarvioon esitetään lisäpanostusta nuorten työllistymiseen."));
        joys(
                laura,
                annual2026,
                visible,
                set,
                List.of(
                        new Joy(
                                JoyWorry.Kind.JOY,
                                "Vapaa-aika ja hyvinvointi",
                                "Nuorisotilojen kävijämäärät kasvoivat.",
                                -1),
                        new Joy(
                                JoyWorry.Kind.WORRY,
                                "Kasvatus ja oppiminen",
                                "Koulupoissaolot ovat lisääntyneet yläkouluissa.",
                                2),
                        new Joy(
                                JoyWorry.Kind.JOY,
                                "Kaupunkiympäristö",
                                "Uudet pyöräreitit valmistuivat koulujen lähelle.",
                                -1),
                        new Joy(
                                JoyWorry.Kind.WORRY,
                                "Elinvoima ja työllisyys",
                                "Nuorten työttömyys kasvoi syksyllä.",
                                3),
                        new Joy(
                                JoyWorry.Kind.JOY,
                                "Konsernipalvelut",
                                "Hyvinvointisuunnitelman tavoitteet ovat nyt talousarvion sitovia tavoitteita.",
                                -1)));
        blocks(laura, annual2026, "changes", visible, set, 3);
        placeAll(laura, annual2026, List.of("action.tea-culture", "state.hip-fractures-65"));
        work.toReview(laura, annual2026, LocalDate.now());
        List<Section> sections = reports.sections(org, annual2026);
        Section progress = sections.stream()
                .filter(s -> "progress".equals(s.outlineKey()))
                .findFirst()
                .orElse(sections.get(0));
        UUID question = work.comment(
                mikko,
                annual2026,
                progress.id(),
                null,
                null,
                "Voisiko kouluterveyskyselyn tulokset avata tarkemmin sukupuolittain?");
        work.comment(
                laura,
                annual2026,
                progress.id(),
                null,
                question,
                "Lisätään sukupuolittainen kuvio ennen valtuustokäsittelyä.");
        Section budget = sections.stream()
                .filter(s -> "budget".equals(s.outlineKey()))
                .findFirst()
                .orElse(sections.get(0));
        work.comment(
                mikko,
                annual2026,
                budget.id(),
                null,
                null,
                "Sivistystoimi toivoo, että painopiste mainitsee myös koulupoissaolot.");

        // The county's regional draft.
        OrganisationId county = OrganisationCatalog.DEMO_COUNTY;
        if (reports.of(county).isEmpty()) {
            Tenant maria = new Tenant(county, null, "Maria Salonen", Role.COORDINATOR);
            UUID regional = work.start(
                    maria,
                    new ReportWork.NewReport(
                            ReportKind.REGIONAL,
                            new LocalizedText(
                                    "Alueellinen hyvinvointikertomus 2025–2028",
                                    "Regional välfärdsberättelse 2025–2028",
                                    null),
                            2025,
                            2028,
                            null,
                            true,
                            true));
            write(
                    maria,
                    regional,
                    Map.of(
                            "summary",
                                    "Luonnos: alueen kunnat ja hyvinvointialue kokoavat yhteiset painopisteet kevään hyte-neuvottelussa.",
                            "structures",
                                    "Hyte-neuvottelu pidetään vuosittain. Mukana ovat Vantaa, Kerava ja alueen järjestöt."));
            reports.sections(county, regional).stream()
                    .filter(s -> "wellbeing".equals(s.outlineKey()))
                    .findFirst()
                    .ifPresent(s -> work.addBlock(
                            maria,
                            regional,
                            s.id(),
                            new ReportWork.NewBlock(BlockKind.MEMBERS_INDICATOR, 683, null, null, null, false),
                            id -> indicators.find(county, id).isPresent()));
        }
    }

    private record Joy(JoyWorry.Kind kind, String source, String text, int indicator) {}

    private record Step(UUID body, LocalDate on, String paragraph, Handling.Outcome outcome, String amendment) {}

    private UUID body(OrganisationId org, String name) {
        return organisations.bodies(org).stream()
                .filter(b -> name.equals(b.name().fi()))
                .findFirst()
                .map(b -> b.id())
                .orElse(null);
    }

    private void settings(Tenant t, UUID id, UUID plan, String summaryFi, String summarySv) {
        Report r = work.find(t, id);
        work.saveSettings(
                t,
                id,
                new ReportWork.Settings(
                        r.title(),
                        plan,
                        r.swedishRequired(),
                        BigDecimal.TEN,
                        new LocalizedText(summaryFi, summarySv, null),
                        null),
                r.version());
    }

    private void write(Tenant t, UUID report, Map<String, String> texts) {
        for (Section s : reports.sections(t.organisation(), report)) {
            String text = texts.get(s.outlineKey());
            if (text != null) {
                work.saveSection(
                        t,
                        report,
                        s.id(),
                        new ReportWork.SectionText(
                                s.title(),
                                new LocalizedText(text, null, null),
                                s.authorPersonId(),
                                s.sectorId(),
                                s.dueOn()),
                        s.version());
            }
        }
    }

    private void joys(Tenant t, UUID report, IntPredicate visible, List<Integer> set, List<Joy> joys) {
        for (Joy j : joys) {
            Integer indicator = j.indicator() >= 0 && j.indicator() < set.size() ? set.get(j.indicator()) : null;
            work.addJoyWorry(t, report, j.kind(), j.source(), j.text(), indicator, visible);
        }
    }

    /** Places every item of the minimum data list in the report's first section with blocks, except those left out with a reason. */
    private void placeAll(Tenant t, UUID report, List<String> omitted) {
        List<Section> sections = reports.sections(t.organisation(), report);
        List<Block> blocks = reports.blocks(t.organisation(), report);
        UUID target = sections.stream()
                .filter(s -> blocks.stream()
                        .anyMatch(b -> b.sectionId().equals(s.id())
                                && (b.kind() == BlockKind.SET_OVERVIEW || b.kind() == BlockKind.MINIMUM_DATA)))
                .findFirst()
                .orElse(sections.get(0))
                .id();
        for (Outlines.MinimumItem item : outlines.minimumList().items()) {
            if (omitted.contains(item.key())) {
                work.place(
                        t,
                        report,
                        item.key(),
                        null,
                        item.key().startsWith("action")
                                ? "TEAviisarin kulttuurin tiedonkeruu ei ollut käytettävissä raportointivuonna."
                                : "Vuositason luku on Keravan kokoisessa kunnassa liian pieni luotettavaan vertailuun; seurataan laajassa kertomuksessa.");
            } else {
                work.place(t, report, item.key(), target, null);
            }
        }
    }

    /** Indicator charts of the set's indicators at the given places, each showing the previous approved report's value. */
    private void blocks(Tenant t, UUID report, String sectionKey, IntPredicate visible, List<Integer> set, int... at) {
        reports.sections(t.organisation(), report).stream()
                .filter(s -> sectionKey.equals(s.outlineKey()))
                .findFirst()
                .ifPresent(s -> {
                    for (int i : at) {
                        if (i < set.size()) {
                            work.addBlock(
                                    t,
                                    report,
                                    s.id(),
                                    new ReportWork.NewBlock(BlockKind.INDICATOR, set.get(i), null, null, null, true),
                                    visible);
                        }
                    }
                });
    }

    /** The first goal's progress in the plan section. */
    private void goal(Tenant t, UUID report, UUID plan) {
        if (plan == null) {
            return;
        }
        plans.content(t.organisation(), plan)
                .flatMap(
                        c -> c.lines().stream().flatMap(l -> l.goals().stream()).findFirst())
                .ifPresent(g -> reports.sections(t.organisation(), report).stream()
                        .filter(s -> "plan".equals(s.outlineKey()))
                        .findFirst()
                        .ifPresent(s -> work.addBlock(
                                t,
                                report,
                                s.id(),
                                new ReportWork.NewBlock(BlockKind.GOAL_PROGRESS, null, null, g.id(), null, false),
                                id -> true)));
    }

    private void dropEvaluations(OrganisationId org, UUID report) {
        Tenant t = new Tenant(org, null, "Laura Nieminen", Role.COORDINATOR);
        reports.blocks(org, report).stream()
                .filter(b -> b.kind() == BlockKind.EVALUATIONS)
                .forEach(b -> work.deleteBlock(t, report, b.id()));
    }

    private void approve(Tenant t, UUID report, UUID council, LocalDate on, String paragraph, List<Step> before) {
        work.toReview(t, report, LocalDate.now());
        work.lock(t, report, LocalDate.now());
        for (Step s : before) {
            work.handle(
                    t,
                    report,
                    new ReportWork.HandlingForm(
                            s.body(),
                            s.body() == null ? "Kaupunginhallitus" : null,
                            s.on(),
                            s.paragraph(),
                            null,
                            s.outcome(),
                            s.amendment()),
                    LocalDate.now());
        }
        work.handle(
                t,
                report,
                new ReportWork.HandlingForm(
                        council,
                        council == null ? "Kaupunginvaltuusto" : null,
                        on,
                        paragraph,
                        null,
                        Handling.Outcome.APPROVED,
                        null),
                LocalDate.now());
    }
}
