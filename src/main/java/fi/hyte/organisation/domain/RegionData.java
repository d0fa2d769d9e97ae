package fi.hyte.organisation.domain;

import fi.hyte.platform.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the official region list built into Hyte (organisation/regions-2026.csv, from Statistics
 * Finland's 2026 municipality key and THL Sotkanet region ids, both CC BY 4.0) into the database,
 * once per version of the file.
 */
@Component
public class RegionData implements ReferenceData {

    static final String RESOURCE = "organisation/regions-2026.csv";

    private final JdbcClient jdbc;

    RegionData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void load() {
        byte[] content = read();
        String checksum = sha256(content);
        boolean current = jdbc.sql("select count(*) from reference_data where name = ? and checksum = ?")
                        .params(RESOURCE, checksum)
                        .query(Integer.class)
                        .single()
                > 0;
        if (current) {
            return;
        }
        try (var reader = new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            var format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            for (CSVRecord row : format.parse(reader)) {
                jdbc.sql("""
                        insert into region (kind, code, name_fi, name_sv, name_en, county_code, region_code, sotkanet_id,
                          municipality_group, language_ratio) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (kind, code) do update set name_fi = excluded.name_fi, name_sv = excluded.name_sv,
                          name_en = excluded.name_en, county_code = excluded.county_code,
                          region_code = excluded.region_code, sotkanet_id = excluded.sotkanet_id,
                          municipality_group = excluded.municipality_group, language_ratio = excluded.language_ratio""")
                        .params(
                                row.get("kind"),
                                row.get("code"),
                                row.get("name_fi"),
                                emptyToNull(row.get("name_sv")),
                                emptyToNull(row.get("name_en")),
                                emptyToNull(row.get("county_code")),
                                emptyToNull(row.get("region_code")),
                                row.get("sotkanet_id").isEmpty() ? null : Integer.valueOf(row.get("sotkanet_id")),
                                emptyToNull(row.get("municipality_group")),
                                emptyToNull(row.get("language_ratio")))
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("insert into reference_data (name, checksum) values (?, ?)"
                        + " on conflict (name) do update set checksum = excluded.checksum, loaded_at = now()")
                .params(RESOURCE, checksum)
                .update();
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
