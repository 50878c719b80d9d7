package org.conference.provisioning.support;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/** The random identifiers of ARCHITECTURE.md §7 and the subscribers' credentials. */
@Component
public class RandomIdentifiers {

    private static final String SID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

    private final SecureRandom random = new SecureRandom();

    /** 32 random characters of {@code [A-Za-z0-9._-]}. */
    public String subscriberSid() {
        StringBuilder sid = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sid.append(SID_ALPHABET.charAt(random.nextInt(SID_ALPHABET.length())));
        }
        return sid.toString();
    }

    /** A random 6–9 digit meeting number; uniqueness is the unique index's job, callers retry on conflict. */
    public long meetingNumber() {
        int digits = 6 + random.nextInt(4);
        long low = (long) Math.pow(10, digits - 1);
        return low + (long) (random.nextDouble() * (9 * low));
    }

    /** A random access code of {@code digits} decimal digits, not starting with 0 so callers cannot misdial it. */
    public String accessCode(int digits) {
        StringBuilder code = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 1; i < digits; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    /** An opaque bearer credential: 32 random bytes. */
    public String authenticationToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A Standard Webhooks secret: {@code whsec_} + base64 of 32 random bytes (ARCHITECTURE.md §5). */
    public String webhookSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
