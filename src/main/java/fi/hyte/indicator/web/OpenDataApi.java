package fi.hyte.indicator.web;

import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.IndicatorValue;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.platform.LocalizedText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data API: Sotkanet's indicators, regions and values as Hyte holds them, for anyone and
 * without a token (the data is open under CC BY 4.0, so every answer names its source). JSON by
 * default, CSV with {@code Accept: text/csv}. Described in {@code /api/v1/openapi.yaml}.
 */
@RestController
@RequestMapping("/api/v1")
class OpenDataApi {

    static final String SOURCE = "THL, Sotkanet.fi";
    static final String LICENCE = "CC BY 4.0";
    /** The most regions and years one request may ask for. */
    static final int MAX_REGIONS = 1000;

    static final int MAX_YEARS = 100;

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Indicators indicators;
    private final IndicatorValues values;
    private final IndicatorRegions regions;
    private final MessageSource messages;

    OpenDataApi(Indicators indicators, IndicatorValues values, IndicatorRegions regions, MessageSource messages) {
        this.indicators = indicators;
        this.values = values;
        this.regions = regions;
        this.messages = messages;
    }

    record Title(String fi, String sv, String en) {
        static Title of(LocalizedText text) {
            return new Title(text.fi(), text.sv(), text.en());
        }
    }

    record RegionJson(int id, String code, String category, Title title) {
        static RegionJson of(IndicatorRegion r) {
            return new RegionJson(r.id(), r.code(), r.category(), Title.of(r.title()));
        }
    }

    record RegionDetail(int id, String code, String category, Title title, List<Integer> memberOf) {}

    record ValueJson(
            int indicator, RegionJson region, int year, String gender, BigDecimal value, BigDecimal absoluteValue) {}

    record IndicatorJson(
            int id,
            Title title,
            Title description,
            Title organization,
            Title unit,
            Integer decimals,
            List<String> genders,
            String direction,
            LocalDate dataUpdated,
            Integer rangeStart,
            Integer rangeEnd,
            String source,
            String licence) {}

    record Refusal(String error, String message) {}

    @GetMapping(value = "/regions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RegionDetail> regions(@RequestParam(required = false) String category) {
        return regions.list().stream()
                .filter(r -> category == null || r.category().equalsIgnoreCase(category))
                .map(r -> new RegionDetail(r.id(), r.code(), r.category(), Title.of(r.title()), r.memberOf()))
                .toList();
    }

    @GetMapping(value = "/regions", produces = "text/csv")
    ResponseEntity<String> regionsCsv(@RequestParam(required = false) String category) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv =
                new CSVPrinter(out, csvFormat("id", "code", "category", "title_fi", "title_sv", "title_en"))) {
            for (RegionDetail r : regions(category)) {
                csv.printRecord(
                        r.id(),
                        r.code(),
                        r.category(),
                        r.title().fi(),
                        r.title().sv(),
                        r.title().en());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(CSV).body(out.toString());
    }

    @GetMapping(value = "/indicators/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> indicator(@PathVariable String id, Locale locale) {
        Indicator indicator = shared(id);
        if (indicator == null) {
            return notFound(locale);
        }
        return ResponseEntity.ok(new IndicatorJson(
                indicator.id(),
                Title.of(indicator.title()),
                Title.of(indicator.description()),
                Title.of(indicator.source()),
                Title.of(indicator.unit()),
                indicator.decimals(),
                indicator.genders().stream().map(Gender::code).toList(),
                indicator.direction().name(),
                indicator.dataUpdated(),
                indicator.rangeStart(),
                indicator.rangeEnd(),
                SOURCE,
                LICENCE));
    }

    @GetMapping(value = "/indicators/{id}/values", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> values(
            @PathVariable String id,
            @RequestParam(required = false) List<String> regions,
            @RequestParam(required = false) List<String> years,
            @RequestParam(required = false) List<String> genders,
            Locale locale) {
        Indicator indicator = shared(id);
        if (indicator == null) {
            return notFound(locale);
        }
        Query query = query(regions, years, genders);
        if (query == null) {
            return ResponseEntity.badRequest()
                    .body(new Refusal("bad_request", messages.getMessage("indicator.api.badQuery", null, locale)));
        }
        Map<Integer, IndicatorRegion> known = this.regions.all();
        List<ValueJson> list = new ArrayList<>();
        for (IndicatorValue v : read(indicator, query)) {
            IndicatorRegion region = known.get(v.regionId());
            if (region != null) {
                list.add(new ValueJson(
                        v.indicatorId(),
                        RegionJson.of(region),
                        v.year(),
                        v.gender().code(),
                        v.value(),
                        v.absoluteValue()));
            }
        }
        return ResponseEntity.ok()
                .header("X-Source", SOURCE)
                .header("X-Licence", LICENCE)
                .body(list);
    }

    @GetMapping(value = "/indicators/{id}/values", produces = "text/csv")
    ResponseEntity<String> valuesCsv(
            @PathVariable String id,
            @RequestParam(required = false) List<String> regions,
            @RequestParam(required = false) List<String> years,
            @RequestParam(required = false) List<String> genders,
            Locale locale) {
        Indicator indicator = shared(id);
        Query query = query(regions, years, genders);
        if (indicator == null || query == null) {
            String key = indicator == null ? "indicator.api.notFound" : "indicator.api.badQuery";
            return ResponseEntity.status(indicator == null ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(messages.getMessage(key, null, locale) + "\n");
        }
        Map<Integer, IndicatorRegion> known = this.regions.all();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                csvFormat(
                        "indicator",
                        "region",
                        "region_code",
                        "region_category",
                        "region_title_fi",
                        "year",
                        "gender",
                        "primary value",
                        "absolute value"))) {
            for (IndicatorValue v : read(indicator, query)) {
                IndicatorRegion r = known.get(v.regionId());
                if (r != null) {
                    csv.printRecord(
                            v.indicatorId(),
                            r.id(),
                            r.code(),
                            r.category(),
                            r.title().fi(),
                            v.year(),
                            v.gender().code(),
                            v.value() == null ? "" : v.value().toPlainString(),
                            v.absoluteValue() == null ? "" : v.absoluteValue().toPlainString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("X-Source", SOURCE)
                .header("X-Licence", LICENCE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sotkanet-" + indicator.id() + ".csv\"")
                .body(out.toString());
    }

    @GetMapping(value = "/openapi.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> openApi() throws IOException {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource("openapi/hyte-api.yaml").getContentAsByteArray());
    }

    private record Query(Set<Integer> regions, Set<Integer> years, Set<Gender> genders) {}

    /** Comma-separated or repeated parameters; null when any of them is not understood. */
    private static Query query(List<String> regions, List<String> years, List<String> genders) {
        try {
            Set<Integer> regionIds = numbers(regions);
            Set<Integer> yearSet = numbers(years);
            Set<Gender> genderSet = null;
            if (genders != null) {
                genderSet = new LinkedHashSet<>();
                for (String g : split(genders)) {
                    Gender gender = Gender.parse(g).orElse(null);
                    if (gender == null) {
                        return null;
                    }
                    genderSet.add(gender);
                }
            }
            // One answer holds at most MAX_REGIONS × MAX_YEARS × 3 genders rows (all regions and years also stay within
            // it).
            if ((regionIds != null && regionIds.size() > MAX_REGIONS)
                    || (yearSet != null && (yearSet.isEmpty() || yearSet.size() > MAX_YEARS))) {
                return null;
            }
            return new Query(regionIds, yearSet, genderSet);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<IndicatorValue> read(Indicator indicator, Query query) {
        // The years' range is filtered in SQL, so only the asked years' rows (and gaps between them) are loaded.
        Integer from = query.years() == null ? null : java.util.Collections.min(query.years());
        Integer to = query.years() == null ? null : java.util.Collections.max(query.years());
        List<IndicatorValue> all = values.of(
                List.of(indicator.id()),
                query.regions(),
                query.genders() == null ? null : List.copyOf(query.genders()),
                from,
                to);
        if (query.years() == null) {
            return all;
        }
        return all.stream().filter(v -> query.years().contains(v.year())).toList();
    }

    private static Set<Integer> numbers(List<String> params) {
        if (params == null) {
            return null;
        }
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String p : split(params)) {
            numbers.add(Integer.valueOf(p));
        }
        return numbers;
    }

    private static List<String> split(List<String> params) {
        return params.stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private Indicator shared(String id) {
        if (!id.matches("\\d{1,9}")) {
            return null;
        }
        return indicators.findShared(Integer.parseInt(id)).orElse(null);
    }

    private ResponseEntity<?> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new Refusal("not_found", messages.getMessage("indicator.api.notFound", null, locale)));
    }

    private static CSVFormat csvFormat(String... header) {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader(header)
                .setRecordSeparator("\n")
                .get();
    }
}
