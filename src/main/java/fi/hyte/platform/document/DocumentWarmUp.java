package fi.hyte.platform.document;

import fi.hyte.platform.chart.LineChart;
import fi.hyte.platform.document.Document.Column;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a few unpublished sample documents when the application has started, in one background
 * thread of the lowest priority, so that the first reader who asks for a PDF or DOCX does not also
 * wait for the renderers' classes to load and their code to be compiled: the first PDF of a
 * 150-block report took 10.6 s in a fresh JVM against 4.7 s afterwards (docs/benchmarks.md). The
 * samples hold what a report's files hold (headings, text, charts with their data tables, a table)
 * and are thrown away. Off with {@code hyte.documents.warm-up=false} (the tests, which start many
 * applications on two cores).
 */
@Component
class DocumentWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DocumentWarmUp.class);

    /** Sample documents written: enough for the renderers' busiest code to be compiled. */
    static final int ROUNDS = 3;

    private final DocumentRenderer renderer;
    private final boolean enabled;

    DocumentWarmUp(DocumentRenderer renderer, @Value("${hyte.documents.warm-up:true}") boolean enabled) {
        this.renderer = renderer;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::warmUp, "document-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Writes the samples as PDF and DOCX; returns the bytes written (a failure is logged, never thrown). */
    long warmUp() {
        long start = System.nanoTime();
        long bytes = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Document sample = sample(round);
                bytes += renderer.pdf(sample).length;
                bytes += renderer.docx(sample).length;
            }
            log.info("Documents warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Warming up the documents failed; the first document will take longer", e);
        }
        return bytes;
    }

    /** A sample in Finnish: ten sections, each with text, a line chart and its data table. */
    static Document sample(int round) {
        Locale fi = Locale.forLanguageTag("fi");
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            List<LineChart.Series> series = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (int line = 0; line < 3; line++) {
                List<LineChart.Point> points = new ArrayList<>();
                for (int year = 2010; year <= 2024; year++) {
                    points.add(new LineChart.Point(year, BigDecimal.valueOf(10 + line + ((year * 7 + s) % 5) / 2.0)));
                }
                series.add(new LineChart.Series("Alue " + (line + 1), line == 0, points));
            }
            for (int year = 2010; year <= 2024; year++) {
                rows.add(List.of(Integer.toString(year), "10,5", "11,0", "12,5"));
            }
            Table data = new Table(
                    "Kuvion tiedot " + (s + 1),
                    List.of(
                            new Column("Vuosi", false),
                            new Column("Alue 1", true),
                            new Column("Alue 2", true),
                            new Column("Alue 3", true)),
                    rows);
            String svg = LineChart.render(new LineChart.Chart(
                    "warm" + round + "s" + s,
                    "Esimerkki " + (s + 1),
                    "Kolme aluetta vuosina 2010–2024.",
                    "%",
                    1,
                    fi,
                    series));
            sections.add(new Section(
                    "Luku " + (s + 1),
                    List.of(
                            new Paragraph(
                                    "Esimerkkiteksti, jota ei julkaista. Se lämmittää asiakirjojen kirjoittajat."),
                            new Figure(svg, "Esimerkkikuvio " + (s + 1), "Esimerkki " + (s + 1), data),
                            data)));
        }
        return new Document("Esimerkkiasiakirja", null, "Hyte", null, fi, sections);
    }
}
