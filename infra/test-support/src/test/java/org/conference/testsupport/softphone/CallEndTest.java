package org.conference.testsupport.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** baresip 1.0's CALL_CLOSED reasons, as measured (SoftphoneCallTest) and as call.c and ua.c word them. */
class CallEndTest {

    @Test
    void aByeFromTheFarEndIsARemoteHangUp() {
        assertThat(CallEnd.fromReason("Connection reset by peer").cause()).isEqualTo(CallEnd.Cause.REMOTE_HANGUP);
    }

    @Test
    void ourOwnHangUpIsALocalHangUp() {
        assertThat(CallEnd.fromReason("Connection reset by user").cause()).isEqualTo(CallEnd.Cause.LOCAL_HANGUP);
    }

    @Test
    void aFinalErrorAnswerIsAFailureWithItsStatus() {
        CallEnd busy = CallEnd.fromReason("486 Busy Here");

        assertThat(busy.cause()).isEqualTo(CallEnd.Cause.FAILED);
        assertThat(busy.sipStatus()).hasValue(486);
        assertThat(CallEnd.fromReason("503 Service Unavailable").sipStatus()).hasValue(503);
    }

    @Test
    void aFailureWithoutAnAnswerHasNoStatus() {
        CallEnd timeout = CallEnd.fromReason("Connection timed out");

        assertThat(timeout.cause()).isEqualTo(CallEnd.Cause.FAILED);
        assertThat(timeout.sipStatus()).isEmpty();
        assertThat(timeout.reason()).isEqualTo("Connection timed out");
    }
}
