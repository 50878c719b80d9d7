package org.conference.edge.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpTest {

    private static final byte[] PAYLOAD = payload(160);

    @Test
    void aPlainPacketRoundTrips() {
        RtpHeader header = header();
        byte[] datagram = new byte[512];
        int length = Rtp.write(header, PAYLOAD, PAYLOAD.length, 0, datagram);

        RtpHeader read = new RtpHeader();
        assertThat(Rtp.parse(datagram, length, read)).isNull();
        assertThat(length).isEqualTo(12 + 160);
        assertThat(read.payloadType).isEqualTo(8);
        assertThat(read.marker).isTrue();
        assertThat(read.sequence).isEqualTo(65535);
        assertThat(read.timestamp).isEqualTo(0xFFFF_FF00L);
        assertThat(read.ssrc).isEqualTo(0xDEAD_BEEFL);
        assertThat(read.csrcCount).isZero();
        assertThat(read.extensionProfile).isEqualTo(-1);
        assertThat(Arrays.copyOfRange(datagram, read.payloadOffset, read.payloadOffset + read.payloadLength))
                .isEqualTo(PAYLOAD);
    }

    @Test
    void csrcsAnExtensionAndPaddingRoundTripAndTheirPayloadIsFound() {
        RtpHeader header = header();
        header.csrcCount = 2;
        header.csrcs[0] = 11;
        header.csrcs[1] = 0xFFFF_FFFFL;
        header.extensionProfile = 0xBEDE;
        header.extensionWords = 2;
        byte[] datagram = new byte[512];
        int length = Rtp.write(header, PAYLOAD, PAYLOAD.length, 4, datagram);

        RtpHeader read = new RtpHeader();
        assertThat(Rtp.parse(datagram, length, read)).isNull();
        assertThat(length).isEqualTo(12 + 8 + 4 + 8 + 160 + 4);
        assertThat(read.padding).isTrue();
        assertThat(read.csrcCount).isEqualTo(2);
        assertThat(read.csrcs[0]).isEqualTo(11);
        assertThat(read.csrcs[1]).isEqualTo(0xFFFF_FFFFL);
        assertThat(read.extensionProfile).isEqualTo(0xBEDE);
        assertThat(read.extensionWords).isEqualTo(2);
        assertThat(read.payloadOffset).isEqualTo(12 + 8 + 4 + 8);
        assertThat(read.payloadLength).isEqualTo(160);
        assertThat(Arrays.copyOfRange(datagram, read.payloadOffset, read.payloadOffset + read.payloadLength))
                .isEqualTo(PAYLOAD);
    }

    @Test
    void anotherVersionIsRefused() {
        byte[] datagram = plain();
        datagram[0] = (byte) ((datagram[0] & 0x3F) | (1 << 6));
        assertThat(Rtp.parse(datagram, datagram.length, new RtpHeader())).isEqualTo(RtpDrop.VERSION);
        assertThat(Rtp.parse(new byte[] {0x10, 0x00}, 2, new RtpHeader())).isEqualTo(RtpDrop.VERSION);
    }

    @Test
    void shorterThanTheFixedHeaderIsTruncated() {
        assertThat(Rtp.parse(plain(), 11, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
        assertThat(Rtp.parse(new byte[0], 0, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
    }

    @Test
    void aCsrcListLongerThanTheDatagramIsTruncated() {
        byte[] datagram = plain();
        datagram[0] = (byte) (datagram[0] | 0x0F); // 15 CSRCs = 60 bytes after the fixed header
        assertThat(Rtp.parse(datagram, 12 + 40, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
    }

    @Test
    void anExtensionLongerThanTheDatagramIsTruncated() {
        RtpHeader header = header();
        header.extensionProfile = 1;
        header.extensionWords = 100;
        byte[] datagram = new byte[1024];
        Rtp.write(header, PAYLOAD, 0, 0, datagram);
        assertThat(Rtp.parse(datagram, 12 + 4 + 20, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
        assertThat(Rtp.parse(datagram, 12 + 2, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
    }

    @Test
    void paddingThatClaimsMoreThanThereIsIsTruncated() {
        byte[] datagram = plain();
        datagram[0] = (byte) (datagram[0] | 0x20);
        datagram[datagram.length - 1] = (byte) 200; // more than the 160-byte payload
        assertThat(Rtp.parse(datagram, datagram.length, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
        datagram[datagram.length - 1] = 0; // a padding count of zero is not RTP either
        assertThat(Rtp.parse(datagram, datagram.length, new RtpHeader())).isEqualTo(RtpDrop.TRUNCATED);
    }

    private static RtpHeader header() {
        RtpHeader header = new RtpHeader();
        header.payloadType = 8;
        header.marker = true;
        header.sequence = 65535;
        header.timestamp = 0xFFFF_FF00L;
        header.ssrc = 0xDEAD_BEEFL;
        return header;
    }

    private static byte[] plain() {
        byte[] datagram = new byte[12 + 160];
        Rtp.write(header(), PAYLOAD, PAYLOAD.length, 0, datagram);
        return datagram;
    }

    private static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 7);
        }
        return payload;
    }
}
