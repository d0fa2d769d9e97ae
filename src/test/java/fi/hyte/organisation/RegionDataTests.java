package fi.hyte.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.Region;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Regions;
import fi.hyte.support.HyteSpringTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The built-in region list equals the official 2026 municipality key and Sotkanet's region ids. */
@HyteSpringTest
class RegionDataTests {

    static final Path DATA =
            Path.of(System.getProperty("hyte.shared-data", "../shared/data"), "regions_and_municipalities");

    @Autowired
    Regions regions;

    @Test
    void holdsEveryMunicipalityCountyAndRegionOf2026() {
        assertThat(regions.count(RegionKind.MUNICIPALITY)).isEqualTo(308);
        assertThat(regions.count(RegionKind.WELLBEING_COUNTY)).isEqualTo(23);
        assertThat(regions.count(RegionKind.REGION)).isEqualTo(19);
    }

    @Test
    void municipalitiesMatchTheOfficialKeyInAllThreeLanguages() throws IOException {
        Map<String, Region> stored = regions.all(RegionKind.MUNICIPALITY).stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        List<CSVRecord> key = read("geofi_municipality_key_2026.csv");
        assertThat(key).hasSize(308);
        for (CSVRecord row : key) {
            String code = String.format("%03d", Integer.parseInt(row.get("kunta")));
            Region municipality = stored.get(code);
            assertThat(municipality).as(code).isNotNull();
            assertThat(municipality.name().fi())
                    .isEqualTo(row.get("municipality_name_fi").strip());
            assertThat(municipality.name().sv())
                    .isEqualTo(row.get("municipality_name_sv").strip());
            assertThat(municipality.name().en())
                    .isEqualTo(row.get("municipality_name_en").strip());
            assertThat(municipality.countyCode())
                    .isEqualTo(String.format("%02d", Integer.parseInt(row.get("hyvinvointialue_code"))));
        }
    }

    @Test
    void sotkanetIdsMatchTheDerivedKey() throws IOException {
        Map<String, Region> stored = regions.all(RegionKind.MUNICIPALITY).stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        for (CSVRecord row : read("DERIVED_kunta_2026_hva_sotkanet_region_ids.csv")) {
            assertThat(stored.get(row.get("kunta_code")).sotkanetId())
                    .as(row.get("name_fi"))
                    .isEqualTo(Integer.valueOf(row.get("sotkanet_kunta_region_id")));
        }
        assertThat(regions.find(RegionKind.WELLBEING_COUNTY, "04").orElseThrow().sotkanetId())
                .isEqualTo(977);
        assertThat(regions.find(RegionKind.MUNICIPALITY, "245")
                        .orElseThrow()
                        .name()
                        .sv())
                .isEqualTo("Kervo");
        assertThat(regions.municipalitiesOfCounty("04"))
                .extracting(r -> r.name().fi())
                .containsExactly("Kerava", "Vantaa");
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }
}
