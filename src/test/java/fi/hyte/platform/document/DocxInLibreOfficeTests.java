package fi.hyte.platform.document;

import static fi.hyte.platform.document.DocumentRendererTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The DOCX as another word processor reads it: LibreOffice (Debian's libreoffice-writer-nogui,
 * installed by scripts/ensure-test-tools.sh) converts the proof to PDF, and pdftotext finds the
 * headings, the tables' numbers, the list items with the bullets and numbers Word's numbering
 * gives them (the DOCX has no typed ones) and the links. Each run has its own LibreOffice profile,
 * so that parallel builds do not share one.
 */
class DocxInLibreOfficeTests {

    @Test
    void libreOfficeOpensTheDocxWithItsHeadingsNumbersListsAndLinks() throws Exception {
        Path folder = Files.createDirectories(DocumentRendererTests.OUT.resolve("libreoffice"));
        Path docx = folder.resolve("proof.docx");
        Files.write(docx, SampleDocuments.renderer().docx(SampleDocuments.proof()));
        Path profile = Files.createTempDirectory("hyte-libreoffice-");
        try {
            run(
                    180,
                    "libreoffice",
                    "-env:UserInstallation=" + profile.toUri(),
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder.toString(),
                    docx.toString());
        } finally {
            delete(profile);
        }
        Path pdf = folder.resolve("proof.pdf");
        assertThat(pdf).isNotEmptyFile();

        // In layout mode, as a reader sees the page: a list's label stays on its item's line.
        String text = run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Hyvinvointikertomus 2025 (esimerkki)")
                .contains("Tiivistelmä", "Hyvinvointijohtamisen kypsyystaso", "Nuorten hyvinvointi")
                .contains("Sammanfattning på svenska")
                .contains("Kuvio 2. Ahdistuneisuutta kokeneet nuoret, 2016–2024")
                .contains("Kuvio 3. Nuorisotila Tunneli (piirroskuva)")
                .contains("Taulukko 1. Suunnitelman tavoitteet")
                .contains("Luvut ovat THL:n Kouluterveyskyselystä ja Sotkanetista (indikaattori 4072).")
                .as("bullets and numbers from Word's numbering")
                .contains("• Mielen hyvinvointi: matalan kynnyksen apu kouluissa")
                .contains("– Harrastamisen Suomen malli kaikkiin kouluihin")
                .contains("1. Hyvinvointiryhmä kokoaa toimenpiteet keväällä 2026. 2. Lautakunnat")
                .contains("3. Valtuusto hyväksyy kertomuksen joulukuussa 2026.");
        for (double[] series : List.of(SampleDocuments.KERAVA, SampleDocuments.UUSIMAA, SampleDocuments.COUNTRY)) {
            for (double value : series) {
                assertThat(text).contains(String.format("%.1f", value).replace('.', ','));
            }
        }
        assertThat(text).contains("12,4", "10,5", "87,0", "92,0");
        assertThat(run("pdfinfo", "-url", pdf.toString()))
                .as("the hyperlinks survive")
                .contains(SampleDocuments.KOULUTERVEYSKYSELY)
                .contains("https://sotkanet.fi/sotkanet/fi/taulukko?indikaattori=4072&alue=312")
                .contains("https://www.kerava.fi/hyvinvointi");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
