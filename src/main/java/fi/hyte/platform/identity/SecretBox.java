package fi.hyte.platform.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets kept in the database (providers' client secrets) with AES-GCM under a key given in
 * the environment ({@code HYTE_SECRET_KEY}, Base64 of 16, 24 or 32 random bytes). Without a key,
 * nothing can be sealed, so no secret is ever stored in the clear.
 */
final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKey> key;

    SecretBox(String base64Key) {
        this.key = parse(base64Key);
    }

    private static Optional<SecretKey> parse(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("HYTE_SECRET_KEY is not Base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("HYTE_SECRET_KEY must be 16, 24 or 32 bytes (Base64), not " + raw.length);
        }
        return Optional.of(new SecretKeySpec(raw, "AES"));
    }

    boolean available() {
        return key.isPresent();
    }

    byte[] seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret", e);
        }
    }

    String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // A changed key or a tampered row: the provider cannot be used until its secret is set again.
            throw new IllegalStateException("Cannot open a sealed secret (was HYTE_SECRET_KEY changed?)", e);
        }
    }

    private SecretKey requireKey() {
        return key.orElseThrow(() -> new IllegalStateException("HYTE_SECRET_KEY is not set"));
    }
}
