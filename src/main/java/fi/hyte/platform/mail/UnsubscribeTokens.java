package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed token of an unsubscribe link: who (person and organisation) and which kind, with an
 * HMAC-SHA256 under a key kept in the database (made by the migration, so every node shares it).
 * It does not expire: an old message's link must still work (RFC 8058), and all it can do is stop
 * one kind of mail to one person.
 */
@Component
class UnsubscribeTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;

    private final JdbcClient jdbc;
    private volatile byte[] key;

    UnsubscribeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a valid token stands for. */
    record Subject(OrganisationId organisation, UserId user, MailKind kind) {}

    String issue(OrganisationId organisation, UserId user, MailKind kind) {
        ByteBuffer payload = ByteBuffer.allocate(33);
        put(payload, organisation.value());
        put(payload, user.value());
        payload.put((byte) kind.ordinal());
        byte[] data = payload.array();
        return ENCODE.encodeToString(data) + "." + ENCODE.encodeToString(sign(data));
    }

    Optional<Subject> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] data = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (data.length != 33 || !MessageDigest.isEqual(signature, sign(data))) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            UUID organisation = new UUID(buffer.getLong(), buffer.getLong());
            UUID user = new UUID(buffer.getLong(), buffer.getLong());
            int kind = buffer.get();
            if (kind < 0 || kind >= MailKind.values().length) {
                return Optional.empty();
            }
            return Optional.of(
                    new Subject(new OrganisationId(organisation), new UserId(user), MailKind.values()[kind]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private byte[] sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(data), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String secret = jdbc.sql("select secret from mail_signing_key where id = 1")
                    .query(String.class)
                    .single();
            k = ("hyte-unsubscribe:" + secret).getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }
}
