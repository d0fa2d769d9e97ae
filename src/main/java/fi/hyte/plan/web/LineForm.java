package fi.hyte.plan.web;

import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Adding or editing a policy line. */
record LineForm(
        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 300, message = "{validation.tooLong}") String titleSv,
        @Size(max = 4000, message = "{validation.tooLong}") String descriptionFi,
        @Size(max = 4000, message = "{validation.tooLong}") String descriptionSv,
        @Size(max = 500, message = "{validation.tooLong}") String strategyRef,

        @Min(value = 0, message = "{validation.range}") @Max(value = 999, message = "{validation.range}")
        Integer position,

        Integer version) {

    LineForm {
        version = version == null ? -1 : version;
        position = position == null ? 0 : position;
    }

    static LineForm empty() {
        return new LineForm("", "", "", "", "", 0, 0);
    }

    static LineForm of(PolicyLine l) {
        return new LineForm(
                l.title().fi(),
                l.title().sv(),
                l.description().fi(),
                l.description().sv(),
                l.strategyRef(),
                l.position(),
                l.version());
    }

    PolicyLine toLine(UUID id, UUID plan, int ref) {
        return new PolicyLine(
                id,
                plan,
                ref,
                position,
                LocalizedText.of(titleFi, titleSv),
                LocalizedText.of(descriptionFi, descriptionSv),
                Forms.blankToNull(strategyRef),
                version);
    }
}
