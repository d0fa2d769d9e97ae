package fi.hyte.participation.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Protection of the public forms without a session: each form carries a token signed with a key
 * kept in PostgreSQL (so every node accepts every node's token), bound to the consultation and the
 * hour it was issued, valid for three hours. It replaces Spring's session-bound CSRF token, which
 * would need the session cookie the public site does not set. The same key store gives the day's
 * key for client hashes: an address is never stored, only sha-256 of the day's key and it.
 */
@Component
public class FormTokens {

    static final Duration VALID = Duration.ofHours(3);

    private final JdbcClient jdbc;
    private volatile byte[] formKey;
    private final java.util.concurrent.ConcurrentHashMap<LocalDate, byte[]> dayKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    FormTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token for this consultation's form; pages issued within the same hour carry the same one. */
    public String issue(UUID consultation, Instant now) {
        long hour = hour(now);
        return hour + "." + sign(consultation + "|" + hour);
    }

    /** The hour a page's token belongs to: part of the page's ETag, so no cached page has an old token. */
    public static long hour(Instant now) {
        return now.getEpochSecond() / 3600;
    }

    public boolean valid(String token, UUID consultation, Instant now) {
        if (token == null || !token.matches("[0-9]{1,12}\\.[A-Za-z0-9_-]{20,60}")) {
            return false;
        }
        String[] parts = token.split("\\.");
        long hour = Long.parseLong(parts[0]);
        long age = hour(now) - hour;
        if (age < 0 || age * 3600 > VALID.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                parts[1].getBytes(StandardCharsets.US_ASCII),
                sign(consultation + "|" + hour).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The client's address as a hash keyed by the day: each day has its own random key in
     * PostgreSQL (shared by the nodes), deleted after two days by {@link Retention}, so that an
     * old hash can no longer be matched to any address, even by someone holding the database.
     */
    public String clientHash(String address, LocalDate day) {
        byte[] key = dayKeys.computeIfAbsent(day, this::dayKey);
        if (dayKeys.size() > 4) {
            dayKeys.keySet().removeIf(d -> d.isBefore(day.minusDays(1)));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] dayKey(LocalDate day) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String name = "client-" + day;
        jdbc.sql("insert into participation_key (name, secret) values (?, ?) on conflict do nothing")
                .params(name, fresh)
                .update();
        return jdbc.sql("select secret from participation_key where name = ?")
                .param(name)
                .query(byte[].class)
                .single();
    }

    /** Forgets the cached day keys (after the purge deleted old ones). */
    void forgetDayKeysBefore(LocalDate day) {
        dayKeys.keySet().removeIf(d -> d.isBefore(day));
    }

    /** A random token of 32 bytes, URL-safe (a private link's). */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How a private token is stored: its sha-256, never the token. */
    public static String hashOf(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signature = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(signature)
                    .substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] key = formKey;
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into participation_key (name, secret) values ('forms', ?) on conflict do nothing")
                    .param(fresh)
                    .update();
            key = jdbc.sql("select secret from participation_key where name = 'forms'")
                    .query(byte[].class)
                    .single();
            formKey = key;
        }
        return key;
    }
}
