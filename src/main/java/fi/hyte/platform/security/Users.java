package fi.hyte.platform.security;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored user accounts and their roles per organisation. */
@Repository
public class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HyteUser> byUsername(String username) {
        return jdbc.sql("select id, username, display_name, password_hash, operator, active, must_change_password"
                        + " from app_user where lower(username) = lower(?)")
                .param(username)
                .query((rs, i) -> new HyteUser(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("operator"),
                        rs.getBoolean("active"),
                        rs.getBoolean("must_change_password")))
                .optional();
    }

    Optional<HyteUser> byId(UserId id) {
        return jdbc.sql("select username from app_user where id = ?")
                .param(id.value())
                .query(String.class)
                .optional()
                .flatMap(this::byUsername);
    }

    public Optional<Account> account(UserId id) {
        return jdbc.sql(
                        "select id, username, display_name, email, operator, active, version from app_user where id = ?")
                .param(id.value())
                .query(Account.class)
                .optional();
    }

    public Optional<UserId> idOf(String username) {
        return jdbc.sql("select id from app_user where lower(username) = lower(?)")
                .param(username)
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                .optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)")
                        .param(username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public UserId insert(
            String username, String displayName, String email, String hash, boolean operator, boolean mustChange) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into app_user (id, username, display_name, email, password_hash, operator,"
                        + " must_change_password) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, username, displayName, email, hash, operator, mustChange)
                .update();
        return new UserId(id);
    }

    public void setPassword(UserId id, String hash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ?, version = version + 1 where id = ?")
                .params(hash, mustChange, id.value())
                .update();
    }

    public String passwordHash(UserId id) {
        return jdbc.sql("select password_hash from app_user where id = ?")
                .param(id.value())
                .query(String.class)
                .single();
    }

    public Optional<Role> roleIn(UserId user, OrganisationId organisation) {
        return jdbc.sql("select m.role from membership m join app_user u on u.id = m.user_id"
                        + " where m.user_id = ? and m.organisation_id = ? and u.active")
                .params(user.value(), organisation.value())
                .query((rs, i) -> Role.valueOf(rs.getString(1)))
                .optional();
    }

    public List<OrganisationId> organisationsOf(UserId user) {
        return jdbc.sql("select organisation_id from membership where user_id = ? order by created_at, organisation_id")
                .param(user.value())
                .query((rs, i) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .list();
    }

    public List<Member> members(OrganisationId organisation) {
        return jdbc.sql("select u.id, u.username, u.display_name, u.email, m.role, u.active from membership m"
                        + " join app_user u on u.id = m.user_id where m.organisation_id = ?"
                        + " order by lower(u.display_name), lower(u.username)")
                .param(organisation.value())
                .query(Member.class)
                .list();
    }

    /** The system operators' ids: they run Hyte and are nobody's respondents or colleagues. */
    public java.util.Set<UUID> operatorIds() {
        return new java.util.HashSet<>(jdbc.sql("select id from app_user where operator")
                .query(UUID.class)
                .list());
    }

    public Optional<Member> member(OrganisationId organisation, UserId user) {
        return jdbc.sql("select u.id, u.username, u.display_name, u.email, m.role, u.active from membership m"
                        + " join app_user u on u.id = m.user_id where m.organisation_id = ? and m.user_id = ?")
                .params(organisation.value(), user.value())
                .query(Member.class)
                .optional();
    }

    public void grant(UserId user, OrganisationId organisation, Role role) {
        jdbc.sql("insert into membership (user_id, organisation_id, role) values (?, ?, ?)"
                        + " on conflict (user_id, organisation_id) do update set role = excluded.role")
                .params(user.value(), organisation.value(), role.name())
                .update();
    }

    public int revoke(UserId user, OrganisationId organisation) {
        return jdbc.sql("delete from membership where user_id = ? and organisation_id = ?")
                .params(user.value(), organisation.value())
                .update();
    }

    /**
     * Counts the organisation's administrators while locking their memberships, so that two
     * administrators removing each other at once cannot both succeed.
     */
    public int lockAndCountAdmins(OrganisationId organisation) {
        return jdbc.sql("select user_id from membership where organisation_id = ? and role = 'ADMIN' for update")
                .param(organisation.value())
                .query((rs, i) -> rs.getObject(1))
                .list()
                .size();
    }

    public int countAdmins(OrganisationId organisation) {
        return jdbc.sql("select count(*) from membership where organisation_id = ? and role = 'ADMIN'")
                .param(organisation.value())
                .query(Integer.class)
                .single();
    }

    /** A user account as shown to the user. */
    public record Account(
            UUID id,
            String username,
            String displayName,
            String email,
            boolean operator,
            boolean active,
            int version) {}

    /** A user with their role in one organisation. */
    public record Member(UUID id, String username, String displayName, String email, Role role, boolean active) {}
}
