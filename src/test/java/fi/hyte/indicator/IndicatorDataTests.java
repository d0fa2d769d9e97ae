package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.support.HyteSpringTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The knowledge base holds Sotkanet's data exactly as published: every demo value equals its source
 * row in ../shared/data, with the same decimals, and the 683 counts add up from municipalities to
 * their wellbeing services county.
 */
@HyteSpringTest
class IndicatorDataTests {

    static final Path VALUES = Path.of(System.getProperty("hyte.shared-data", "../shared/data"), "sotkanet_values");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Indicators indicators;

    @Autowired
    IndicatorRegions regions;

    @Test
    void everyDiabetesValueEqualsTheSourceRowWithItsDecimals() throws IOException {
        Map<String, String[]> stored = stored(683);
        List<CSVRecord> source = csv(VALUES.resolve("sotkanet_683_diabetes_2015_2023_all_regions.csv"), ',');
        assertThat(source).hasSize(4185);
        for (CSVRecord row : source) {
            String[] value = stored.get(row.get("region") + "/" + row.get("year") + "/0");
            assertThat(value)
                    .as("683 region %s %s", row.get("region"), row.get("year"))
                    .isNotNull();
            assertThat(value[0]).isEqualTo(emptyToNull(row.get("primary value")));
            assertThat(value[1]).isEqualTo(emptyToNull(row.get("absolute value")));
        }
        assertThat(stored).hasSize(4185);
        // A few values read by eye from the file: Kerava (122) and the whole country (658).
        assertThat(stored.get("122/2023/0")).containsExactly("11.8", "2367");
        assertThat(stored.get("658/2015/0")[0]).isEqualTo("10.0");
    }

    @Test
    void populationOfEveryMunicipalityAndYearEqualsTheSource() throws IOException {
        Map<String, Integer> municipality = new HashMap<>();
        regions.list().stream()
                .filter(r -> r.isMunicipality())
                .forEach(r -> municipality.put(String.valueOf(Integer.parseInt(r.code())), r.id()));
        Map<String, String[]> stored = stored(127);
        List<CSVRecord> source = csv(VALUES.resolve("geofi_sotkanet_127_population_kunta_2000_2022.csv"), ',');
        assertThat(source).hasSize(7107);
        for (CSVRecord row : source) {
            Integer region = municipality.get(row.get("municipality_code"));
            String[] value = stored.get(region + "/" + row.get("year") + "/0");
            assertThat(value)
                    .as("127 %s %s", row.get("municipality_code"), row.get("year"))
                    .isNotNull();
            assertThat(value[0]).isEqualTo(row.get("primary.value"));
        }
    }

    @Test
    void the54IndicatorsOf1990To2012EqualTheSource() throws IOException {
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("select indicator_id, region_id, year, value::text from indicator_value where indicator_id <> 683"
                        + " and year <= 2012 and gender = 0")
                .query((rs, n) -> stored.put(rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3), rs.getString(4)))
                .list();
        int checked = 0;
        int overlapping = 0;
        try (Reader in = new InputStreamReader(
                new GZIPInputStream(
                        Files.newInputStream(VALUES.resolve("ouzor_sotkanet_values_2013vintage_long.csv.gz"))),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
                String key = row.get("indicator") + "/" + row.get("region") + "/" + row.get("year");
                if (row.get("indicator").equals("127") && Integer.parseInt(row.get("year")) >= 2000) {
                    // The newer population download (2000–2022) replaces the 2013 vintage.
                    overlapping++;
                    continue;
                }
                assertThat(stored.get(key)).as(key).isEqualTo(row.get("primary_value"));
                checked++;
            }
        }
        assertThat(checked + overlapping).isEqualTo(275_271);
        assertThat(overlapping).isLessThan(10_000);
    }

    @Test
    void municipalitiesAbsoluteValuesAddUpToTheirCountysRow() {
        // Åland (956) is outside the wellbeing services counties; Sottunga's suppressed count is missing there.
        List<String> mismatches = jdbc.sql("select c.id, v.year, v.absolute_value, sum(m.absolute_value)"
                        + " from indicator_region c join indicator_value v on v.region_id = c.id"
                        + " and v.indicator_id = 683 and v.gender = 0"
                        + " join indicator_region k on k.category = 'KUNTA' and c.id = any(k.member_of)"
                        + " join indicator_value m on m.region_id = k.id and m.indicator_id = 683 and m.gender = 0"
                        + " and m.year = v.year where c.category = 'HYVINVOINTIALUE' and c.id <> 956"
                        + " group by c.id, v.year, v.absolute_value having v.absolute_value <> sum(m.absolute_value)")
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2) + ": " + rs.getString(3) + " <> " + rs.getString(4))
                .list();
        assertThat(mismatches).isEmpty();
        int countyYears = jdbc.sql(
                        "select count(*) from indicator_value v join indicator_region c on c.id = v.region_id"
                                + " where v.indicator_id = 683 and c.category = 'HYVINVOINTIALUE' and c.id <> 956")
                .query(Integer.class)
                .single();
        assertThat(countyYears).isEqualTo(22 * 9);
    }

    @Test
    void catalogueHoldsSotkanetsIndicatorsAndTodaysRegions() {
        assertThat(indicators.countShared()).isGreaterThanOrEqualTo(2434);
        Indicator mortality = indicators.findShared(186).orElseThrow();
        assertThat(mortality.decimals()).isEqualTo(1);
        assertThat(mortality.unit().fi()).isEqualTo("Sataa tuhatta asukasta kohden");
        assertThat(mortality.dataUpdated()).hasToString("2025-04-29");
        assertThat(mortality.description().fi()).doesNotContain("<br").contains("Kuolemansyytilastossa");
        assertThat(regions.list()).hasSize(540);
        assertThat(regions.list().stream().filter(r -> r.category().equals("HYVINVOINTIALUE")))
                .hasSize(23);
        assertThat(regions.currentMunicipalities()).hasSize(308);
        var kerava = regions.find("KUNTA", "245").orElseThrow();
        assertThat(regions.parentOf(kerava, "HYVINVOINTIALUE").orElseThrow().id())
                .isEqualTo(977);
        assertThat(regions.parentOf(kerava, "YHTEISTYOALUE").orElseThrow().id()).isEqualTo(845);
    }

    @Autowired
    fi.hyte.indicator.domain.Comparisons comparisons;

    @Test
    void demoMunicipalityComparesWithItsCountyRegionCountryAndPeersOfItsGroup() {
        var set = comparisons.of(OrganisationCatalog.DEMO_MUNICIPALITY);
        assertThat(set.own().id()).isEqualTo(122);
        assertThat(set.county().id()).isEqualTo(977);
        assertThat(set.region().title().fi()).isEqualTo("Uusimaa");
        assertThat(set.country().id()).isEqualTo(658);
        assertThat(set.peers()).hasSize(4).allMatch(p -> p.isMunicipality() && p.id() != 122);
        var suggestions = comparisons.suggestions(OrganisationCatalog.DEMO_MUNICIPALITY);
        assertThat(suggestions).isNotEmpty().allMatch(s -> s.reason().equals("group") && s.population() != null);
        assertThat(suggestions).noneMatch(s -> set.ids().contains(s.region().id()));
    }

    @Test
    void demoMunicipalityStartsFromTheSuggestedSet() {
        var set = jdbc.sql("select count(*) from indicator_set_item where organisation_id = ?")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .query(Integer.class)
                .single();
        assertThat(set).isGreaterThanOrEqualTo(15);
    }

    private Map<String, String[]> stored(int indicator) {
        Map<String, String[]> stored = new HashMap<>();
        jdbc.sql("select region_id, year, gender, value::text, absolute_value::text from indicator_value"
                        + " where indicator_id = ?")
                .param(indicator)
                .query((rs, n) -> stored.put(
                        rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3),
                        new String[] {rs.getString(4), rs.getString(5)}))
                .list();
        return stored;
    }

    private static List<CSVRecord> csv(Path file, char delimiter) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
