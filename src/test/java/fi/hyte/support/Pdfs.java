package fi.hyte.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/** Reading back the files Hyte writes as a reader's tools do: veraPDF's rules, and poppler's and LibreOffice's programs. */
public final class Pdfs {

    private Pdfs() {}

    /** veraPDF's failed rules (clause-test → first message) for one flavour. */
    public static Map<String, String> failedRules(byte[] file, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        ValidationResult result;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(file), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            result = validator.validate(parser);
        }
        Map<String, String> failed = new TreeMap<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
            if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                RuleId rule = assertion.getRuleId();
                failed.merge(
                        rule.getClause() + "-" + rule.getTestNumber(),
                        assertion.getMessage() + " @ " + assertion.getLocation().getContext(),
                        (x, y) -> x);
            }
        }
        return failed;
    }

    /** Runs a program (installed by scripts/ensure-test-tools.sh) and returns what it printed; it must succeed. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output;
    }
}
