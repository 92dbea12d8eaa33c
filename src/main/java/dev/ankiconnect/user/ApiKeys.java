package dev.ankiconnect.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shape and hashing of user API keys. A key is {@code ak_<id>_<secret>}: the id (16 hex
 * digits) finds the row, the secret (256 random bits) is checked against
 * {@code sha256(salt || secret)} with a per-key random salt, compared in constant time. The
 * plain key exists only in the reply to the one command that issued it.
 */
public final class ApiKeys {

    public static final String PREFIX = "ak_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A freshly issued key and what is stored of it. */
    public record Issued(String id, String key, String salt, String hash) {}

    /** The parts of a presented key. */
    public record Parsed(String id, String secret) {}

    public static Issued issue() {
        byte[] idBytes = new byte[8];
        byte[] secretBytes = new byte[32];
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        RANDOM.nextBytes(saltBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new Issued(id, PREFIX + id + "_" + secret, salt, hash(salt, secret));
    }

    public static Optional<Parsed> parse(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 200) {
            return Optional.empty();
        }
        String rest = key.substring(PREFIX.length());
        int sep = rest.indexOf('_');
        if (sep != 16) {
            return Optional.empty();
        }
        String id = rest.substring(0, sep);
        for (char c : id.toCharArray()) {
            if (Character.digit(c, 16) < 0 || Character.isUpperCase(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Parsed(id, rest.substring(sep + 1)));
    }

    static String hash(String salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(salt));
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a secret against a stored salt and hash. */
    static boolean matches(String salt, String storedHash, String secret) {
        byte[] expected = HexFormat.of().parseHex(storedHash);
        byte[] actual = HexFormat.of().parseHex(hash(salt, secret));
        return MessageDigest.isEqual(expected, actual);
    }
}
