package fi.hyte.platform.mail;

import java.util.List;

/** A headed group of lines in a digest or summary, e.g. "Late measures". */
public record MailSection(String headingKey, List<MailLine> lines) {

    public MailSection {
        lines = List.copyOf(lines);
    }
}
