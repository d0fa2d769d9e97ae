package fi.hyte.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A user names a new API token by its purpose. */
record TokenForm(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{account.tokens.name.length}")
        String name) {

    static TokenForm empty() {
        return new TokenForm("");
    }
}
