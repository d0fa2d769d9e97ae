package fi.hyte.indicator.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.OrganisationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
 */
@Component
class DemoIndicatorValues implements DemoContent {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIndicatorValues.class);
    private static final List<String> FILES = List.of("values-1990-2012.csv.gz", "values-127.csv", "values-683.csv");

    private final JdbcClient jdbc;
    private final ValueImport values;
    private final IndicatorSets sets;
    private final Comparisons comparisons;

    DemoIndicatorValues(JdbcClient jdbc, ValueImport values, IndicatorSets sets, Comparisons comparisons) {
        this.jdbc = jdbc;
        this.values = values;
        this.sets = sets;
        this.comparisons = comparisons;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        if (jdbc.sql("select count(*) from indicator_batch where kind = 'DEMO'")
                        .query(Integer.class)
                        .single()
                > 0) {
            return;
        }
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

    private static InputStream open(String path) throws IOException {
        InputStream in = new ClassPathResource(path).getInputStream();
        return path.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
