package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The root administrator's login and password and the internal JWT secret of one start.
 *
 * @param passwordSource where the password came from, in words for the summary
 * @param jwtSecretGenerated whether the secret is this run's own (no CONFERENCE_INTERNAL_JWT_SECRET)
 */
public record Credentials(String adminLogin, String adminPassword, String passwordSource, String jwtSecret,
        boolean jwtSecretGenerated) {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PASSWORD_LENGTH = 20;
    private static final int SECRET_LENGTH = 48;
    private static final int SECRET_MIN_BYTES = 32;

    /**
     * The variables win; otherwise the password kept in {@code passwordFile} from an earlier start, or a new one kept
     * there (readable by its owner only) so that a restart keeps working credentials.
     *
     * @param shownAs the password file as the summary names it
     */
    public static Credentials resolve(Map<String, String> environment, Path passwordFile, String shownAs) {
        String login = nonEmpty(environment.get("CONFERENCE_ADMIN_LOGIN"), "admin");
        String password = environment.get("CONFERENCE_ADMIN_PASSWORD");
        String source;
        if (password != null && !password.isEmpty()) {
            source = "from CONFERENCE_ADMIN_PASSWORD";
        } else if (kept(passwordFile) != null) {
            password = kept(passwordFile);
            source = "kept in " + shownAs;
        } else {
            password = random(PASSWORD_LENGTH);
            keep(passwordFile, password);
            source = "generated, kept in " + shownAs;
        }
        String secret = environment.get("CONFERENCE_INTERNAL_JWT_SECRET");
        boolean generated = secret == null || secret.isEmpty();
        if (generated) {
            secret = random(SECRET_LENGTH);
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < SECRET_MIN_BYTES) {
            throw new LaunchException("CONFERENCE_INTERNAL_JWT_SECRET must be at least " + SECRET_MIN_BYTES + " bytes");
        }
        return new Credentials(login, password, source, secret, generated);
    }

    private static String kept(Path file) {
        try {
            String password = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return password.isEmpty() ? null : password;
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void keep(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("cannot keep the admin password in " + file + ": " + e.getMessage());
        }
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
