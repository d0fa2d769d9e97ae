package fi.hyte.report.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approved versions read once: a snapshot never changes (the database refuses it), so its parsed
 * content can be kept by id. Bounded by the length of the stored text, so a few large reports do
 * not fill the heap.
 */
@Component
public class FrozenCache {

    /** Characters of stored snapshot text kept parsed (about 64 MB of JSON). */
    static final long MAX_CHARACTERS = 64L * 1024 * 1024;

    private final JsonMapper json;
    private final Cache<UUID, Entry> parsed = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((UUID id, Entry entry) -> entry.length())
            .build();

    private final Reports reports;

    FrozenCache(JsonMapper json, Reports reports) {
        this.json = json;
        this.reports = reports;
    }

    private record Entry(Frozen frozen, int length) {}

    /** The snapshot's content by its id, read from the database only when it is not kept yet. */
    public Frozen of(UUID id, java.util.function.Supplier<Snapshot> load) {
        return parsed.get(id, key -> {
                    Snapshot snapshot = load.get();
                    return new Entry(
                            Frozen.read(json, snapshot.content()),
                            snapshot.content().length());
                })
                .frozen();
    }

    /** The snapshot's content; a snapshot read without its content (the public pages') has it read by id. */
    public Frozen of(Snapshot snapshot) {
        return parsed.get(snapshot.id(), id -> {
                    String content = snapshot.content() != null
                            ? snapshot.content()
                            : reports.content(id).orElseThrow(() -> new IllegalStateException("No snapshot " + id));
                    return new Entry(Frozen.read(json, content), content.length());
                })
                .frozen();
    }
}
