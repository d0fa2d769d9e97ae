package fi.hyte.report.domain;

import fi.hyte.platform.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned data a report starts from: the outline of each kind (after THL and Kuntaliitto) and
 * THL's minimum data list. Both are files in the code base with an id and a version; a report keeps
 * the outline version it began with.
 */
@Component
public class Outlines {

    private final Outline outline;
    private final MinimumList minimum;

    Outlines(JsonMapper json) throws IOException {
        try (InputStream in = Outlines.class.getResourceAsStream("/report/outline.json");
                InputStream list = Outlines.class.getResourceAsStream("/report/minimum-data-list.json")) {
            this.outline = json.readValue(in, Outline.class);
            this.minimum = json.readValue(list, MinimumList.class);
        }
    }

    public Outline outline() {
        return outline;
    }

    public MinimumList minimumList() {
        return minimum;
    }

    public List<OutlineSection> sections(ReportKind kind) {
        return outline.kinds().getOrDefault(kind.name(), List.of());
    }

    public Optional<OutlineSection> section(ReportKind kind, String key) {
        return sections(kind).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<MinimumItem> item(String key) {
        return minimum.items().stream().filter(i -> i.key().equals(key)).findFirst();
    }

    public record Outline(String id, int version, String source, Map<String, List<OutlineSection>> kinds) {}

    /** A section of the outline with the guidance shown to its author and the blocks it starts with. */
    public record OutlineSection(String key, LocalizedText title, LocalizedText hint, List<OutlineBlock> blocks) {}

    public record OutlineBlock(BlockKind kind) {}

    public record MinimumList(String id, int version, String source, List<MinimumItem> items) {}

    /** An item of the minimum data list: kind STATE, ACTION or SELF_ASSESSMENT; Sotkanet's id where known. */
    public record MinimumItem(String key, String kind, Integer sotkanetId, LocalizedText title) {}
}
