package fi.hyte.organisation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The organisation's data settings: after how many years an indicator value counts as old data. */
record DataSettingsForm(
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{organisation.staleAfter.range}")
        @Max(value = 30, message = "{organisation.staleAfter.range}")
        Integer staleAfterYears,

        Integer version) {

    DataSettingsForm {
        version = version == null ? -1 : version;
    }
}
