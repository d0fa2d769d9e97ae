package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorAnalysis.Analysis;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.KnowledgeBase;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicator page's analysis is kept in memory by the indicator's last import batch: opened
 * again it is the same, and a new import of that indicator (or a changed comparison set) shows the
 * new values at once, on any node, because the key is read from PostgreSQL.
 */
@HyteSpringTest
class IndicatorPageCacheTests {

    static final Path DIABETES = Path.of(
            System.getProperty("hyte.shared-data", "../shared/data"),
            "sotkanet_values",
            "sotkanet_683_diabetes_2015_2023_all_regions.csv");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    Indicators indicators;

    @Autowired
    IndicatorRegions regions;

    @Autowired
    Comparisons comparisons;

    @Autowired
    UserAccounts users;

    Fixtures.Org org;
    Tenant coordinator;
    IndicatorRegion kerava;
    IndicatorRegion jarvenpaa;
    String code;

    @BeforeEach
    void organisation() {
        String prefix = "cache" + UUID.randomUUID().toString().substring(0, 6);
        org = fixtures.organisation(prefix, RegionKind.MUNICIPALITY, "245");
        coordinator = new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "coordinator", Role.COORDINATOR, false);
        kerava = regions.find("KUNTA", "245").orElseThrow();
        jarvenpaa = regions.find("KUNTA", "186").orElseThrow();
        code = prefix;
    }

    @Test
    void aNewImportOfTheIndicatorShowsItsNewValuesAndOpeningAgainReadsNothingNew() throws IOException {
        ValueImport.Result first = imports.importNow(coordinator, "diabetes.csv", localFile(v -> v));
        assertThat(first.problems()).isEmpty();
        assertThat(first.added()).isEqualTo(18);
        Indicator indicator = indicators.findLocal(org.id(), code).orElseThrow();

        Analysis opened = knowledge.indicator(org.id(), indicator, Optional.of(Gender.TOTAL));
        assertThat(opened.own().year()).isEqualTo(2023);
        assertThat(opened.own().value()).isEqualByComparingTo(realValue(kerava, 2023));
        assertThat(knowledge.indicator(org.id(), indicator, Optional.of(Gender.TOTAL)))
                .as("opened again with nothing changed: the analysis kept in memory")
                .isSameAs(opened);

        // The same real file, every value one more: a new batch of this indicator.
        ValueImport.Result second =
                imports.importNow(coordinator, "diabetes-korjattu.csv", localFile(v -> v.add(BigDecimal.ONE)));
        assertThat(second.problems()).isEmpty();
        assertThat(second.changed()).isEqualTo(18);

        Analysis after = knowledge.indicator(
                org.id(), indicators.findLocal(org.id(), code).orElseThrow(), Optional.of(Gender.TOTAL));
        assertThat(after).isNotSameAs(opened);
        assertThat(after.own().value())
                .isEqualByComparingTo(realValue(kerava, 2023).add(BigDecimal.ONE));
        assertThat(after.series().get(0).byYear().get(2015))
                .isEqualByComparingTo(realValue(kerava, 2015).add(BigDecimal.ONE));

        // The same file once more changes nothing, so the batch and the kept analysis stay.
        ValueImport.Result again =
                imports.importNow(coordinator, "diabetes-korjattu.csv", localFile(v -> v.add(BigDecimal.ONE)));
        assertThat(again.changed()).isZero();
        assertThat(knowledge.indicator(
                        org.id(), indicators.findLocal(org.id(), code).orElseThrow(), Optional.of(Gender.TOTAL)))
                .isSameAs(after);
    }

    @Test
    void aPeerAddedOrAnotherOrganisationGetsItsOwnAnalysis() throws IOException {
        assertThat(imports.importNow(coordinator, "diabetes.csv", localFile(v -> v))
                        .problems())
                .isEmpty();
        Indicator indicator = indicators.findLocal(org.id(), code).orElseThrow();
        Analysis alone = knowledge.indicator(org.id(), indicator, Optional.of(Gender.TOTAL));
        assertThat(alone.series()).extracting(s -> s.region().id()).doesNotContain(jarvenpaa.id());

        comparisons.addPeer(org.id(), jarvenpaa.id());
        Analysis withPeer = knowledge.indicator(org.id(), indicator, Optional.of(Gender.TOTAL));
        assertThat(withPeer.series()).extracting(s -> s.region().id()).contains(jarvenpaa.id());
        assertThat(withPeer.series().stream()
                        .filter(s -> s.region().id() == jarvenpaa.id())
                        .findFirst()
                        .orElseThrow()
                        .byYear()
                        .get(2023))
                .isEqualByComparingTo(realValue(jarvenpaa, 2023));
        assertThat(withPeer.amongPeers()).isNotNull();

        Fixtures.Org other = fixtures.organisation(code + "b", RegionKind.MUNICIPALITY, "245");
        assertThat(knowledge.indicator(other.id(), indicator, Optional.of(Gender.TOTAL)))
                .as("another organisation with another comparison set")
                .isNotSameAs(withPeer)
                .isNotSameAs(alone);
    }

    /** Kerava's and Järvenpää's rows of the real Sotkanet file, as the organisation's own indicator. */
    private byte[] localFile(UnaryOperator<BigDecimal> change) throws IOException {
        StringBuilder file = new StringBuilder("tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo\n");
        Map<Integer, String> codes = Map.of(kerava.id(), "245", jarvenpaa.id(), "186");
        boolean first = true;
        for (String[] row : realRows()) {
            String region = codes.get(Integer.parseInt(row[1]));
            if (region == null) {
                continue;
            }
            file.append(String.join(
                            ";",
                            code,
                            first ? "Diabeteslääkkeistä korvausta saaneet, %" : "",
                            first ? "%" : "",
                            region,
                            row[2],
                            "yhteensä",
                            change.apply(new BigDecimal(row[4])).toPlainString().replace('.', ',')))
                    .append('\n');
            first = false;
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private BigDecimal realValue(IndicatorRegion region, int year) throws IOException {
        return realRows().stream()
                .filter(r -> Integer.parseInt(r[1]) == region.id() && Integer.parseInt(r[2]) == year)
                .map(r -> new BigDecimal(r[4]))
                .findFirst()
                .orElseThrow();
    }

    private static List<String[]> realRows() throws IOException {
        List<String> lines = Files.readAllLines(DIABETES);
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .filter(f -> !f[4].isEmpty())
                .toList();
    }
}
