package fi.hyte.indicator.demo;

import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Direction;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.OrganisationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Real Sotkanet values for the demo (bundled in {@code indicators/demo/}, see PROVENANCE in the
 * README): indicator 683 for every region 2015–2023, population 2000–2022 and the 54 indicators of
 * 1990–2012. They go in through the same import as any file; the demo organisations get Hyte's
 * suggested indicator set and a few peer municipalities. The 2013 download goes in first: where it
 * overlaps the newer population series (2000–2012, then by the 2013 municipal division), the newer
 * vintage replaces it and the import records each change.
 *
 * <p>Kerava (demo) also gets its own (local) indicators from {@code indicators/demo/local-kerava.csv},
 * in Hyte's template for own indicators, imported like a coordinator's file. Those values are
 * invented example data (youth survey, resident survey, service statistics 2021–2025), not Kerava's:
 * their source is named so, and they exist for the demo's example wellbeing plan to have targets
 * that are on track, behind and off track.
 */
@Component
class DemoIndicatorValues implements DemoContent {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIndicatorValues.class);
    private static final List<String> FILES = List.of("values-1990-2012.csv.gz", "values-127.csv", "values-683.csv");

    private static final String LOCAL_FILE = "local-kerava.csv";

    /** Which way is better for each of the demo municipality's own indicators (all in the file). */
    private static final Map<String, Direction> LOCAL_DIRECTIONS = Map.of(
            "harrastus-8-9", Direction.HIGHER_IS_BETTER,
            "yksinaisyys-8-9", Direction.HIGHER_IS_WORSE,
            "paihteet-8-9", Direction.HIGHER_IS_WORSE,
            "liikuntaneuvonta", Direction.HIGHER_IS_BETTER,
            "tyollistyneet", Direction.HIGHER_IS_BETTER,
            "kotona-75", Direction.HIGHER_IS_BETTER,
            "yhteisollinen-65", Direction.HIGHER_IS_BETTER,
            "lahiluonto", Direction.HIGHER_IS_BETTER,
            "vaikuttaminen", Direction.HIGHER_IS_BETTER);

    private final JdbcClient jdbc;
    private final ValueImport values;
    private final IndicatorSets sets;
    private final Comparisons comparisons;
    private final Indicators indicators;

    DemoIndicatorValues(
            JdbcClient jdbc, ValueImport values, IndicatorSets sets, Comparisons comparisons, Indicators indicators) {
        this.jdbc = jdbc;
        this.values = values;
        this.sets = sets;
        this.comparisons = comparisons;
        this.indicators = indicators;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        if (jdbc.sql("select count(*) from indicator_batch where kind = 'DEMO' and organisation_id is null")
                        .query(Integer.class)
                        .single()
                == 0) {
            sotkanetValues();
        }
        localValues();
    }

    private void sotkanetValues() {
        for (String file : FILES) {
            try (InputStream in = open("indicators/demo/" + file)) {
                ValueImport.Result result = values.run(
                        new ValueImport.Request(
                                null, null, true, null, ValueImport.Source.sotkanet("DEMO"), file, null, false, false),
                        in,
                        done -> {});
                if (!result.accepted()) {
                    throw new IllegalStateException("Demo values " + file + " were refused: " + result.problems());
                }
                LOG.info("Demo indicator values {}: {} values", file, result.added());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (OrganisationId organisation :
                List.of(OrganisationCatalog.DEMO_MUNICIPALITY, OrganisationCatalog.DEMO_COUNTY)) {
            sets.adoptSuggestions(organisation);
            comparisons.suggestions(organisation).stream()
                    .limit(4)
                    .forEach(s -> comparisons.addPeer(organisation, s.region().id()));
        }
    }

    /** The demo municipality's own indicators and their invented values, unless they are there already. */
    private void localValues() {
        OrganisationId kerava = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (LOCAL_DIRECTIONS.keySet().stream()
                .allMatch(code -> indicators.findLocal(kerava, code).isPresent())) {
            return;
        }
        Integer ownRegion =
                comparisons.ownRegion(kerava).map(IndicatorRegion::id).orElse(null);
        if (ownRegion == null) {
            LOG.warn("Demo municipality has no official region; its own demo indicators are left out");
            return;
        }
        try (InputStream in = open("indicators/demo/" + LOCAL_FILE)) {
            ValueImport.Result result = values.run(
                    new ValueImport.Request(
                            kerava,
                            null,
                            false,
                            ownRegion,
                            new ValueImport.Source("DEMO", "Keravan kaupunki (esimerkkiaineisto)", null),
                            LOCAL_FILE,
                            null,
                            false,
                            false),
                    in,
                    done -> {});
            if (!result.accepted()) {
                throw new IllegalStateException("Demo values " + LOCAL_FILE + " were refused: " + result.problems());
            }
            LOG.info("Demo municipality's own indicator values {}: {} values", LOCAL_FILE, result.added());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOCAL_DIRECTIONS.forEach((code, direction) -> indicators
                .findLocal(kerava, code)
                .ifPresent(i -> indicators.setLocalDirection(kerava, i.id(), direction)));
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = new ClassPathResource(path).getInputStream();
        return path.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
