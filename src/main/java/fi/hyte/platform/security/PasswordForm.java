package fi.hyte.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The password change form. */
record PasswordForm(
        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.tooLong}")
        String currentPassword,

        @NotBlank(message = "{validation.required}") @Size(min = 12, max = 128, message = "{account.password.length}")
        String newPassword,

        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.tooLong}")
        String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
