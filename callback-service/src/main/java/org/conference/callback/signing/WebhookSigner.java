package org.conference.callback.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The Standard Webhooks signature (ARCHITECTURE.md §5): {@code v1,} + base64 of HMAC-SHA256 over
 * {@code id + "." + timestamp + "." + body}, keyed with the secret's bytes: the base64 after {@code whsec_}, as the
 * spec's libraries read it.
 */
@Component
public class WebhookSigner {

    private static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    public WebhookSigner() {
        // the first lookup of a JCA provider reads security configuration from disk: once here, never on an event loop
        newMac();
    }

    public String sign(String secret, String webhookId, long timestampSeconds, String body) {
        Mac mac = newMac();
        try {
            mac.init(new SecretKeySpec(key(secret), ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable webhook secret", e);
        }
        byte[] signed = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                .getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            // a secret set by hand that is no base64: its characters are the key
            return encoded.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
