package fi.hyte.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in that counts the attempt (per username and per client) before checking the
 * password, and refuses a paused one without hashing anything. Every attempt that is not paused
 * costs exactly one hash: an unknown username is checked against a stand-in (see the
 * UserDetailsService), and a disabled account's password is checked before it is refused.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (!throttle.attempt(username, client)) {
            throw new LockedException("Sign-in paused after repeated failures");
        }
        UserDetails user = users.loadUserByUsername(username);
        Object presented = authentication.getCredentials();
        if (presented == null
                || user.getPassword() == null
                || !passwords.matches(presented.toString(), user.getPassword())) {
            throw new BadCredentialsException("Bad credentials");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        throttle.succeeded(username, client);
        if (user instanceof HyteUser hyte) {
            hyte.eraseCredentials();
        }
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
