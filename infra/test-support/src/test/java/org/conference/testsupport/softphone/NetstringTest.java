package org.conference.testsupport.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** ctrl_tcp's framing: an event split over TCP reads or two in one read must both arrive whole. */
class NetstringTest {

    @Test
    void aMessageIsFramedAsLengthColonBytesComma() {
        assertThat(new String(Netstring.encode(bytes("{\"command\":\"hangup\"}")), StandardCharsets.US_ASCII))
                .isEqualTo("20:{\"command\":\"hangup\"},");
    }

    @Test
    void messagesSplitAcrossReadsAndJoinedInOneAreReadOneByOne() throws IOException {
        InputStream tcp = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(bytes("5:hel")),
                new ByteArrayInputStream(bytes("lo,2:é")),
                new ByteArrayInputStream(bytes(",")))));

        assertThat(new String(Netstring.read(tcp), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(new String(Netstring.read(tcp), StandardCharsets.UTF_8)).isEqualTo("é");
        assertThat(Netstring.read(tcp)).as("a clean end between messages").isNull();
    }

    @Test
    void aStreamThatIsNotNetstringsIsRefused() {
        assertThatThrownBy(() -> Netstring.read(new ByteArrayInputStream(bytes("HTTP/1.1 200 OK"))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Netstring.read(new ByteArrayInputStream(bytes("5:hello;"))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Netstring.read(new ByteArrayInputStream(bytes("9:cut"))))
                .isInstanceOf(IOException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
