package fi.hyte.platform.security;

import fi.hyte.platform.ActorDetails;
import fi.hyte.platform.UserId;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, kept in the (database-stored) session; roles are read per request. */
final class HyteUser implements UserDetails, CredentialsContainer, Serializable, ActorDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private final boolean operator;
    private final boolean active;
    private final boolean mustChangePassword;
    private String passwordHash;

    HyteUser(
            UUID id,
            String username,
            String displayName,
            String passwordHash,
            boolean operator,
            boolean active,
            boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.operator = operator;
        this.active = active;
        this.mustChangePassword = mustChangePassword;
    }

    UserId id() {
        return new UserId(id);
    }

    String displayName() {
        return displayName;
    }

    @Override
    public UserId actorId() {
        return id();
    }

    @Override
    public String actorName() {
        return displayName;
    }

    boolean operator() {
        return operator;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    HyteUser withoutOperator() {
        return new HyteUser(id, username, displayName, null, false, active, mustChangePassword);
    }

    HyteUser withPasswordChanged() {
        return new HyteUser(id, username, displayName, null, operator, active, false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(operator);
    }

    /** Every user has ROLE_USER; a system operator also ROLE_OPERATOR. Roles per organisation are in Tenant. */
    static List<GrantedAuthority> authorities(boolean operator) {
        return operator
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_OPERATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
