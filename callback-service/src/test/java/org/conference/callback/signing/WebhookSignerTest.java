package org.conference.callback.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature a receiver checks with any Standard Webhooks library. */
class WebhookSignerTest {

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void matchesTheStandardWebhooksReferenceVector() {
        // the test vector of the Standard Webhooks reference libraries (and Svix's documentation)
        String signature = signer.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void changesWithTheTimestampTheIdAndTheBody() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String base = signer.sign(secret, "id", 1, "{}");

        assertThat(signer.sign(secret, "id", 2, "{}")).isNotEqualTo(base);
        assertThat(signer.sign(secret, "other", 1, "{}")).isNotEqualTo(base);
        assertThat(signer.sign(secret, "id", 1, "{ }")).isNotEqualTo(base);
        assertThat(signer.sign(secret, "id", 1, "{}")).isEqualTo(base);
    }
}
