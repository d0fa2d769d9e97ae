package fi.hyte.report.domain;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a snapshot keeps: the report composed in each language, the numbers behind it and the
 * amendments the approving body made. Stored as JSON text; the fingerprint is the SHA-256 of that text.
 *
 * @param title the report's Finnish title, to name it where an earlier report is compared with
 */
public record Frozen(
        int format,
        String title,
        String composedOn,
        Map<String, ReportContent> languages,
        ReportContent.Data data,
        List<String> amendments) {

    public static final int FORMAT = 1;

    public static Frozen read(JsonMapper json, String text) {
        return json.readValue(text, Frozen.class);
    }

    public String write(JsonMapper json) {
        return json.writeValueAsString(this);
    }

    public ReportContent in(String language) {
        ReportContent content = languages.get(language);
        return content != null ? content : languages.get("fi");
    }

    public Frozen withAmendments(List<String> more) {
        return new Frozen(format, title, composedOn, languages, data, List.copyOf(more));
    }
}
