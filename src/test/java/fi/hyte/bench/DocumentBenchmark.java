package fi.hyte.bench;

import fi.hyte.platform.document.Document;
import fi.hyte.platform.document.DocumentRenderer;
import fi.hyte.platform.document.SampleDocuments;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Rendering a report of 20 indicator charts (each with its data table and text, about 20 A4 pages)
 * to PDF/UA and to DOCX: the first (cold) render, then the median of 5 after warm-up in one JVM, and
 * the peak heap of each. The baseline in the same run is the XHTML alone (the template's part). The
 * DOCX is measured twice: by a new renderer each time (its cache of rasterised charts empty, so every
 * chart is drawn) and by one renderer again and again (every chart's PNG from the cache).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=fi.hyte.bench.DocumentBenchmark
 * -Dexec.classpathScope=test} (the chart count is the first argument, 20 by default)
 */
public final class DocumentBenchmark {

    static final int WARMUP = 3;
    static final int MEASURED = 5;

    private DocumentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int charts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DocumentRenderer renderer = SampleDocuments.renderer();
        Document report = SampleDocuments.longReport(charts);

        long start = System.nanoTime();
        byte[] pdf = renderer.pdf(report);
        double coldPdf = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        byte[] docx = renderer.docx(report);
        double coldDocx = (System.nanoTime() - start) / 1e6;
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        System.out.printf(
                "Document of %d charts: %d PDF pages, PDF %.0f kB, DOCX %.0f kB%n",
                charts, pages, pdf.length / 1024.0, docx.length / 1024.0);
        System.out.printf("cold (first in the JVM): PDF %.0f ms, DOCX %.0f ms%n", coldPdf, coldDocx);

        report("XHTML (baseline)", () -> renderer.xhtml(report));
        report("PDF", () -> renderer.pdf(report));
        // A new renderer has an empty cache of rasterised charts: every chart is drawn, as before the cache.
        report("DOCX, empty cache", () -> SampleDocuments.renderer().docx(report));
        report("DOCX, charts cached", () -> renderer.docx(report));
    }

    private static void report(String what, Supplier<Object> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] times = new double[MEASURED];
        HeapSampler heap = HeapSampler.start(10);
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        heap.stop();
        Arrays.sort(times);
        System.out.printf(
                "%-20s median %7.0f ms (min %.0f, max %.0f), heap before %.0f MB, peak %.0f MB, peak after GC %.0f MB%n",
                what,
                times[MEASURED / 2],
                times[0],
                times[MEASURED - 1],
                heap.beforeMb(),
                heap.peakMb(),
                heap.peakAfterGcMb());
    }
}
