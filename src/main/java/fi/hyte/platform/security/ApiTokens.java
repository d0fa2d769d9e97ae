package fi.hyte.platform.security;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: issued to a user for one organisation, shown once, kept only as a SHA-256
 * hash, revoked by their owner (or with the owner's membership). A token acts with the user's role
 * in its organisation as it is at each request.
 */
@Service
class ApiTokens {

    /** "hyte_" and 32 random bytes in URL-safe Base64 without padding. */
    static final Pattern FORMAT = Pattern.compile("hyte_[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AUDITED = "apiToken";
    private static final String COLUMNS = "id, name, organisation_id, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A new token for the user in the organisation; the returned text is never stored or shown again. */
    @Transactional
    Issued issue(UserId user, String actorName, OrganisationId organisation, String name) {
        String token = newToken();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_token (id, user_id, organisation_id, name, token_hash) values (?, ?, ?, ?, ?)")
                .params(id, user.value(), organisation.value(), name, hash(token))
                .update();
        audit.system(organisation, user, actorName, AUDITED, id, "CREATE", null, new AuditedToken(name, false));
        return new Issued(id, name, token);
    }

    /**
     * The demo administrator's configured token: added once, and made valid again if it was revoked,
     * as the demo users' password is reset at each start. Returns whether anything changed.
     */
    @Transactional
    boolean ensure(UserId user, OrganisationId organisation, String name, String token) {
        if (!FORMAT.matcher(token).matches()) {
            throw new IllegalArgumentException("not a Hyte API token");
        }
        UUID id = UUID.randomUUID();
        int added = jdbc.sql("insert into api_token (id, user_id, organisation_id, name, token_hash)"
                        + " values (?, ?, ?, ?, ?) on conflict (token_hash) do nothing")
                .params(id, user.value(), organisation.value(), name, hash(token))
                .update();
        if (added == 1) {
            audit.system(organisation, null, "Hyte", AUDITED, id, "CREATE", null, new AuditedToken(name, false));
            return true;
        }
        List<UUID> restored = jdbc.sql(
                        "update api_token set revoked_at = null where token_hash = ? and revoked_at is not null returning id")
                .param(hash(token))
                .query(UUID.class)
                .list();
        restored.forEach(r -> audit.system(
                organisation,
                null,
                "Hyte",
                AUDITED,
                r,
                "UPDATE",
                new AuditedToken(name, true),
                new AuditedToken(name, false)));
        return !restored.isEmpty();
    }

    /**
     * The caller a presented token stands for: only an unrevoked token of an active user who is still
     * a member of the token's organisation, with their role there now.
     */
    Optional<ApiCaller> authenticate(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<ApiCaller> caller = jdbc.sql("select t.id, t.user_id, u.username, u.display_name, t.organisation_id,"
                        + " m.role, u.operator from api_token t join app_user u on u.id = t.user_id"
                        + " join membership m on m.user_id = t.user_id and m.organisation_id = t.organisation_id"
                        + " where t.token_hash = ? and t.revoked_at is null and u.active")
                .param(hash(token))
                .query((rs, i) -> new ApiCaller(
                        rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("operator")))
                .optional();
        // At most one write a minute per token, so that busy automation does not write on every call.
        caller.ifPresent(c -> jdbc.sql("update api_token set last_used_at = now() where id = ?"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param(c.token())
                .update());
        return caller;
    }

    /** The user's own tokens, valid ones first, newest first. */
    List<Listed> of(UserId user) {
        return jdbc.sql("select " + COLUMNS + " from api_token where user_id = ?"
                        + " order by revoked_at is not null, created_at desc, id")
                .param(user.value())
                .query(ApiTokens::listed)
                .list();
    }

    /** Revokes one of the user's own tokens; false if the user has no such valid token. */
    @Transactional
    boolean revoke(UserId user, String actorName, UUID id) {
        Optional<Listed> revoked = jdbc.sql("update api_token set revoked_at = now()"
                        + " where id = ? and user_id = ? and revoked_at is null returning " + COLUMNS)
                .params(id, user.value())
                .query(ApiTokens::listed)
                .optional();
        revoked.ifPresent(
                t -> audit.system(t.organisation(), user, actorName, AUDITED, t.id(), "UPDATE", before(t), after(t)));
        return revoked.isPresent();
    }

    /**
     * Revokes a member's tokens of the organisation they are removed from, so that adding them back
     * later does not bring old tokens back to life. Call it in the transaction that removes them.
     */
    void revokeAll(Tenant tenant, UserId user) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = ? and organisation_id = ?"
                        + " and revoked_at is null returning " + COLUMNS)
                .params(user.value(), tenant.organisation().value())
                .query(ApiTokens::listed)
                .list()
                .forEach(t -> audit.updated(tenant, AUDITED, t.id(), before(t), after(t)));
    }

    private static AuditedToken before(Listed revoked) {
        return new AuditedToken(revoked.name(), false);
    }

    private static AuditedToken after(Listed revoked) {
        return new AuditedToken(revoked.name(), true);
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }

    static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "hyte_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A token just created: its text is in the caller's hands only. */
    record Issued(UUID id, String name, String token) {}

    /** A token as its owner sees it in the list. */
    record Listed(
            UUID id,
            String name,
            OrganisationId organisation,
            OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {

        public boolean valid() {
            return revokedAt == null;
        }
    }

    /** What the audit log keeps of a token: never the token or its hash. */
    record AuditedToken(String name, boolean revoked) {}
}
