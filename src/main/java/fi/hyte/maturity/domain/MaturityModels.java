package fi.hyte.maturity.domain;

import fi.hyte.platform.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The assessment models: loaded from resources/maturity/*.json at start, kept in the database per version. */
@Component
public class MaturityModels implements ReferenceData {

    public static final String PROMEQ = "promeq-2019";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, MaturityModel> cache = new ConcurrentHashMap<>();

    MaturityModels(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:maturity/*.json");
            for (Resource file : files) {
                String definition;
                try (InputStream in = file.getInputStream()) {
                    definition = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                MaturityModel model = json.readValue(definition, MaturityModel.class);
                jdbc.sql("insert into maturity_model (id, version, definition) values (?, ?, cast(? as jsonb))"
                                + " on conflict (id, version) do nothing")
                        .params(model.id(), model.version(), definition)
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MaturityModel get(String id, int version) {
        return cache.computeIfAbsent(
                id + ":" + version, key -> find(id, version).orElseThrow());
    }

    /** The newest version of a model. */
    public MaturityModel latest(String id) {
        return latest().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No model " + id));
    }

    /** The newest version of each model, for opening new rounds. */
    public List<MaturityModel> latest() {
        return jdbc.sql("select distinct on (id) id, version from maturity_model order by id, version desc")
                .query((rs, i) -> get(rs.getString(1), rs.getInt(2)))
                .list();
    }

    private Optional<MaturityModel> find(String id, int version) {
        return jdbc.sql("select definition::text from maturity_model where id = ? and version = ?")
                .params(id, version)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, MaturityModel.class));
    }
}
