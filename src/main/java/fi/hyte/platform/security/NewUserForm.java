package fi.hyte.platform.security;

import fi.hyte.platform.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator adds a user to their organisation. */
record NewUserForm(
        @NotBlank(message = "{validation.required}")
        @Size(min = 3, max = 60, message = "{users.username.length}")
        @Pattern(regexp = "[\\p{L}0-9._@-]*", message = "{users.username.chars}")
        String username,

        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}")
        String displayName,

        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}")
        String email,

        @NotNull(message = "{validation.required}") Role role) {

    static NewUserForm empty() {
        return new NewUserForm("", "", "", Role.VIEWER);
    }
}
