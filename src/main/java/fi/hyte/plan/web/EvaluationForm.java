package fi.hyte.plan.web;

import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Realisation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The yearly evaluation of a goal or measure; version -1 means a new evaluation. */
record EvaluationForm(
        @NotNull(message = "{plan.validation.realised}") Realisation realised,
        @Size(max = 4000, message = "{validation.tooLong}") String assessment,
        @Size(max = 4000, message = "{validation.tooLong}") String evidence,

        @Size(max = 500, message = "{validation.tooLong}")
        @Pattern(regexp = "(https?://\\S+)?", message = "{plan.validation.url}")
        String evidenceUrl,

        UUID id,
        Integer version) {

    EvaluationForm {
        version = version == null ? -1 : version;
    }

    static EvaluationForm empty() {
        return new EvaluationForm(null, "", "", "", null, -1);
    }

    static EvaluationForm of(Evaluation e) {
        return new EvaluationForm(e.realised(), e.assessment(), e.evidence(), e.evidenceUrl(), e.id(), e.version());
    }

    EvaluationForm withVersion(UUID currentId, int newVersion) {
        return new EvaluationForm(realised, assessment, evidence, evidenceUrl, currentId, newVersion);
    }

    Evaluation toEvaluation(UUID goal, UUID measure, int year) {
        return new Evaluation(
                id,
                goal,
                measure,
                year,
                realised,
                Forms.blankToNull(assessment),
                Forms.blankToNull(evidence),
                Forms.blankToNull(evidenceUrl),
                version,
                null,
                null);
    }
}
