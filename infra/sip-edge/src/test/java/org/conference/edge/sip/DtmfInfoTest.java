package org.conference.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The keys of SIP INFO bodies. */
class DtmfInfoTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsDtmfRelaySignalsIncludingTheNumericStarAndHash() {
        assertThat(DtmfInfo.keyOf("dtmf-relay", bytes("Signal=5\r\nDuration=160\r\n"))).contains('5');
        assertThat(DtmfInfo.keyOf("dtmf-relay", bytes("signal = #\nDuration=100"))).contains('#');
        assertThat(DtmfInfo.keyOf("dtmf-relay", bytes("Signal=10\r\n"))).contains('*');
        assertThat(DtmfInfo.keyOf("dtmf-relay", bytes("Signal=11\r\n"))).contains('#');
    }

    @Test
    void readsAPlainDtmfBody() {
        assertThat(DtmfInfo.keyOf("dtmf", bytes("9\r\n"))).contains('9');
    }

    @Test
    void findsNoKeyInBodiesWithoutOneTheplatformKnows() {
        assertThat(DtmfInfo.keyOf("dtmf-relay", bytes("Duration=160"))).isEmpty();
        assertThat(DtmfInfo.keyOf("dtmf-relay", bytes("Signal=A"))).isEmpty();
        assertThat(DtmfInfo.keyOf("dtmf", bytes("12"))).isEmpty();
        assertThat(DtmfInfo.keyOf("dtmf", null)).isEmpty();
    }
}
