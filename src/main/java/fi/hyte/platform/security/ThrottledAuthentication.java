package fi.hyte.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/** Password sign-in that refuses a paused username before checking its password. */
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (throttle.lockedUntil(username).isPresent()) {
            throw new LockedException("Sign-in paused after repeated failures");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
