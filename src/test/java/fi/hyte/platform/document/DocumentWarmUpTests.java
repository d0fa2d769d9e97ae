package fi.hyte.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warm-up writes its samples as a real PDF and DOCX, through the same renderer as every document. */
class DocumentWarmUpTests {

    @Test
    void theWarmUpWritesItsSamplesAsPdfAndDocx() {
        DocumentRenderer renderer = SampleDocuments.renderer();
        Document sample = DocumentWarmUp.sample(0);
        byte[] pdf = renderer.pdf(sample);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] docx = renderer.docx(sample);
        assertThat(new String(docx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(sample.sections()).hasSize(10);

        // Every round is written; a failure would be logged and count nothing.
        assertThat(new DocumentWarmUp(renderer, true).warmUp())
                .isGreaterThan((long) DocumentWarmUp.ROUNDS * (pdf.length + docx.length) / 2);
    }
}
