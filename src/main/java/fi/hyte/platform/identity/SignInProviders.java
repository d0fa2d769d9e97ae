package fi.hyte.platform.identity;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored sign-in providers, the accounts linked to their subjects, and organisations' sign-in policies. */
@Repository
class SignInProviders {

    private static final String SELECT = "select id, organisation_id, name, issuer, client_id, client_secret,"
            + " username_claim, group_claim, group_roles, new_user_role, enabled, version from sign_in_provider";

    private final JdbcClient jdbc;

    SignInProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignInProvider> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(SignInProviders::map)
                .optional();
    }

    List<SignInProvider> all() {
        return jdbc.sql(SELECT + " order by organisation_id, lower(name)")
                .query(SignInProviders::map)
                .list();
    }

    List<SignInProvider> enabled() {
        return jdbc.sql(SELECT + " where enabled order by lower(name)")
                .query(SignInProviders::map)
                .list();
    }

    void insert(SignInProvider p) {
        jdbc.sql("insert into sign_in_provider (id, organisation_id, name, issuer, client_id, client_secret,"
                        + " username_claim, group_claim, group_roles, new_user_role, enabled)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.organisation().value(),
                        p.name(),
                        p.issuer(),
                        p.clientId(),
                        p.sealedSecret(),
                        p.usernameClaim(),
                        p.groupClaim(),
                        p.groupRoles(),
                        p.newUserRole() == null ? null : p.newUserRole().name(),
                        p.enabled())
                .update();
    }

    /** Saves the operator's changes if nobody saved meanwhile (optimistic lock on version). */
    boolean update(SignInProvider p) {
        return jdbc.sql("update sign_in_provider set name = ?, issuer = ?, client_id = ?, client_secret = ?,"
                                + " username_claim = ?, group_claim = ?, group_roles = ?, new_user_role = ?,"
                                + " enabled = ?, version = version + 1 where id = ? and version = ?")
                        .params(
                                p.name(),
                                p.issuer(),
                                p.clientId(),
                                p.sealedSecret(),
                                p.usernameClaim(),
                                p.groupClaim(),
                                p.groupRoles(),
                                p.newUserRole() == null ? null : p.newUserRole().name(),
                                p.enabled(),
                                p.id(),
                                p.version())
                        .update()
                == 1;
    }

    Optional<UserId> linked(String provider, String subject) {
        return jdbc.sql("select user_id from sign_in_link where provider = ? and subject = ?")
                .params(provider, subject)
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                .optional();
    }

    void link(String provider, String subject, UserId user) {
        jdbc.sql("insert into sign_in_link (provider, subject, user_id, last_sign_in_at) values (?, ?, ?, now())")
                .params(provider, subject, user.value())
                .update();
    }

    void touch(String provider, String subject) {
        jdbc.sql("update sign_in_link set last_sign_in_at = now() where provider = ? and subject = ?")
                .params(provider, subject)
                .update();
    }

    /**
     * The active accounts an administrator gave this e-mail address, among the organisation's members
     * (or any organisation's, for a provider configured in the environment, which has none).
     */
    List<UserId> invited(OrganisationId organisation, String email) {
        String sql = "select distinct u.id from app_user u join membership m on m.user_id = u.id"
                + " where u.active and not u.operator and u.email is not null and lower(u.email) = lower(?)";
        return (organisation == null
                        ? jdbc.sql(sql).param(email)
                        : jdbc.sql(sql + " and m.organisation_id = ?").params(email, organisation.value()))
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                .list();
    }

    boolean formLoginAllowed(OrganisationId organisation) {
        return jdbc.sql("select form_login from sign_in_policy where organisation_id = ?")
                .param(organisation.value())
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /**
     * Whether the account may sign in with a password: a system operator always may (so that a broken
     * provider can be fixed), others if at least one of their organisations allows it (or they have none).
     */
    boolean formLoginAllowedFor(UserId user) {
        return jdbc.sql("select (select operator from app_user where id = ?) or count(*) = 0"
                        + " or bool_or(coalesce(p.form_login, true)) from membership m"
                        + " left join sign_in_policy p on p.organisation_id = m.organisation_id where m.user_id = ?")
                .params(user.value(), user.value())
                .query(Boolean.class)
                .single();
    }

    void setFormLogin(OrganisationId organisation, boolean allowed) {
        jdbc.sql("insert into sign_in_policy (organisation_id, form_login) values (?, ?)"
                        + " on conflict (organisation_id) do update set form_login = excluded.form_login,"
                        + " version = sign_in_policy.version + 1")
                .params(organisation.value(), allowed)
                .update();
    }

    private static SignInProvider map(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("new_user_role");
        return new SignInProvider(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("name"),
                rs.getString("issuer"),
                rs.getString("client_id"),
                rs.getBytes("client_secret"),
                rs.getString("username_claim"),
                rs.getString("group_claim"),
                rs.getString("group_roles"),
                role == null ? null : Role.valueOf(role),
                rs.getBoolean("enabled"),
                rs.getInt("version"));
    }
}
