package fi.hyte.impact.web;

import jakarta.validation.constraints.Size;
import java.util.List;

/** A new template version: thresholds, the accumulation window, the areas (one a line), the diary-number format (a regular expression) and rule outcomes as "rule:OUTCOME". */
record TemplateForm(
        String shareThreshold,
        String eurosThreshold,
        String accumulationMonths,
        @Size(max = 5000, message = "{validation.tooLong}") String areas,
        @Size(max = 200, message = "{validation.tooLong}") String diaryPattern,
        @Size(max = 500, message = "{validation.tooLong}") String note,
        List<String> outcomes,
        Integer basedOn) {

    TemplateForm {
        outcomes = outcomes == null ? List.of() : outcomes;
        basedOn = basedOn == null ? 0 : basedOn;
    }
}
