package org.conference.callback.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent check of the Standard Webhooks signature, written from the spec and not from the service's code:
 * key = base64-decoded secret after {@code whsec_}; signed content = {@code id.timestamp.body}; the header is a
 * space-separated list of {@code v1,<base64 HMAC-SHA256>}, any one of which may match.
 */
final class StandardWebhooks {

    private StandardWebhooks() {
    }

    static boolean verifies(String secret, Receiver.Request request) {
        return verifies(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
                request.body(), request.header("webhook-signature"));
    }

    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : signatureHeader.split(" ")) {
                String[] parts = candidate.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A secret as provisioning-service makes them: {@code whsec_} + base64 of 32 random bytes. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
