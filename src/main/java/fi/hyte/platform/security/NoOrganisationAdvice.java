package fi.hyte.platform.security;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A signed-in user with no organisation sees a page that says so (an operator, their console). */
@ControllerAdvice
class NoOrganisationAdvice {

    @ExceptionHandler(NoOrganisationException.class)
    String noOrganisation() {
        return Tenancy.signedIn().map(HyteUser::operator).orElse(false)
                ? "redirect:/operator/organisations"
                : "platform/no-organisation";
    }
}
