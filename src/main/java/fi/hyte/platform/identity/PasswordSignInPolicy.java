package fi.hyte.platform.identity;

import fi.hyte.platform.ActorDetails;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in where an organisation has not turned it off: checked after the password (so the
 * policy tells nothing to someone who does not know it), refused if every organisation of the
 * account signs in with its provider only.
 */
public class PasswordSignInPolicy implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInProviders providers;

    PasswordSignInPolicy(AuthenticationProvider passwords, SignInProviders providers) {
        this.passwords = passwords;
        this.providers = providers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = passwords.authenticate(authentication);
        if (result != null
                && result.getPrincipal() instanceof ActorDetails actor
                && !providers.formLoginAllowedFor(actor.actorId())) {
            throw new PasswordSignInOff();
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** The account's organisations sign in with their provider only. */
    public static class PasswordSignInOff extends AuthenticationException {
        PasswordSignInOff() {
            super("Password sign-in is turned off for this account's organisations");
        }
    }
}
