package fi.hyte.indicator.domain;

import fi.hyte.platform.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh installation's catalogue before its first Sotkanet refresh: Sotkanet's region list (with
 * today's wellbeing services counties and collaborative areas added) and indicator list as shipped
 * in {@code indicators/} (built by scripts/build-indicator-data.py from THL's published responses),
 * plus Hyte's judgement of which way is better for its suggested indicators.
 */
@Component
class BundledSotkanetData implements ReferenceData {

    private final IndicatorRegions regions;
    private final Indicators indicators;
    private final IndicatorSets sets;
    private final JsonMapper json;

    BundledSotkanetData(IndicatorRegions regions, Indicators indicators, IndicatorSets sets, JsonMapper json) {
        this.regions = regions;
        this.indicators = indicators;
        this.sets = sets;
        this.json = json;
    }

    @Override
    public void load() {
        if (regions.count() == 0) {
            List<IndicatorRegion> list = new ArrayList<>();
            read("indicators/sotkanet-regions.json.gz").forEach(node -> list.add(SotkanetFormat.region(node)));
            regions.saveAll(list);
        }
        if (indicators.countShared() == 0) {
            List<Indicator> list = new ArrayList<>();
            read("indicators/sotkanet-indicators.json.gz").forEach(node -> list.add(SotkanetFormat.indicator(node)));
            indicators.saveShared(list);
            List<Indicator> full = new ArrayList<>();
            read("indicators/sotkanet-metadata.json.gz").forEach(node -> full.add(SotkanetFormat.indicator(node)));
            indicators.saveShared(full);
        }
        sets.suggestions().forEach(s -> indicators.setDirection(s.indicatorId(), s.direction()));
    }

    private JsonNode read(String path) {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(path).getInputStream())) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
