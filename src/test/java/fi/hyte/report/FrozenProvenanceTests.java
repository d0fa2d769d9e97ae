package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Frozen;
import fi.hyte.report.domain.FrozenCache;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportExports;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Snapshot;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A frozen value keeps where it came from (§ 5): source, licence, retrieval date and the import
 * batch, in the snapshot, on the block's source line and in the data exports; an organisation's own
 * data is credited to the organisation, not to THL.
 */
@HyteSpringTest
class FrozenProvenanceTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Imports imports;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    UserAccounts users;

    @Autowired
    FrozenCache frozenCache;

    @Autowired
    ReportExports exports;

    @Test
    void aFrozenValueCarriesItsImportBatchBesideSourceLicenceAndRetrievalDate() {
        String prefix = "alkupera" + Long.toString(System.nanoTime(), 36);
        Org org = fixtures.organisation(prefix, RegionKind.MUNICIPALITY, "245");
        Tenant coordinator = new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "coordinator", Role.COORDINATOR, false);
        String file = "tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo\n"
                + prefix + ";Liikkuvat nuoret, %;%;245;2023;yhteensä;40,0\n"
                + prefix + ";;;245;2024;yhteensä;45,5\n";
        ValueImport.Result imported =
                imports.importNow(coordinator, "nuoret.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.problems()).isEmpty();
        long batch = imported.batchId();
        int indicator = indicators.findLocal(org.id(), prefix).orElseThrow().id();

        UUID id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
        work.addBlock(
                org.tenant(),
                id,
                reports.sections(org.id(), id).get(1).id(),
                new ReportWork.NewBlock(BlockKind.INDICATOR, indicator, null, null, null, false),
                i -> true);
        steps.approve(org.tenant(), id, LocalDate.of(2026, 12, 1));
        Snapshot snapshot = reports.snapshots(org.id(), id).get(0);
        Frozen frozen = frozenCache.of(snapshot);

        List<ReportContent.DataValue> values = frozen.data().values().stream()
                .filter(v -> v.indicatorId() == indicator)
                .toList();
        assertThat(values).hasSize(2).allSatisfy(v -> {
            assertThat(v.importBatch()).isEqualTo(batch);
            assertThat(v.retrievedAt()).isNotBlank();
            assertThat(v.source()).isEqualTo("Organisaation oma tieto");
        });
        ReportContent.BlockContent block =
                frozen.in("fi").sections().get(1).blocks().get(0);
        assertThat(block.source()).contains("tuontierä " + batch);
        // The organisation's own data is never credited to THL.
        assertThat(block.source()).startsWith("Lähde: organisaation oma tieto").doesNotContain("THL");
        assertThat(frozen.in("sv").sections().get(1).blocks().get(0).source())
                .startsWith("Källa: organisationens egna uppgifter");
        assertThat(frozen.in("en").sections().get(1).blocks().get(0).source()).contains("import batch " + batch);

        assertThat(exports.json(snapshot)).contains("\"importBatch\":" + batch);
        String csv = exports.csv(snapshot);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",retrieved_at,import_batch");
        assertThat(csv.lines().filter(l -> l.startsWith("value," + indicator + ",")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith("," + batch));
    }
}
