package org.conference.common.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTargetPolicyTest {

    private final CallbackTargetPolicy strict = new CallbackTargetPolicy(false);
    private final CallbackTargetPolicy permissive = new CallbackTargetPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/hook", "http://example.com:8443/a?b=c#d", "https://93.184.216.34/",
            "http://[2606:2800:220:1:248:1893:25c8:1946]/", "https://hooks.example.co.uk./x", "HTTPS://Example.COM/",
            "http://8.8.8.8/", "http://172.32.0.1/", "http://100.128.0.1/", "http://[2001:4860::8888]/"})
    void acceptsPublicTargets(String url) {
        assertThat(strict.refusal(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "example.com/hook",
            "//example.com/hook", "http:///path", "http://user:secret@example.com/", "http://user@example.com/",
            "https://example.com:0/", "https://example.com:70000/", "javascript:alert(1)", "", "http://exa mple.com/",
            "http://ex%41mple.com/"})
    void refusesWhatCanNeverBeDelivered(String url) {
        assertThat(strict.refusal(url)).as(url).isPresent();
        assertThat(permissive.refusal(url)).as("even when private targets are allowed: " + url).isPresent();
    }

    @Test
    void refusesOverlongUrls() {
        assertThat(strict.refusal("https://example.com/" + "a".repeat(2048))).get().asString().contains("2048");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.8.9.10:8080/", "http://10.0.0.1/", "http://172.16.5.4/",
            "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://0.0.0.0/", "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/",
            "http://100.64.0.1/", "http://198.18.0.1/", "http://192.0.2.10/", "http://240.0.0.1/"})
    void refusesPrivateIpv4Literals(String url) {
        assertThat(strict.refusal(url)).as(url).get().asString().contains("private");
        assertThat(permissive.refusal(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://0x7f.0.0.1/", "http://0177.0.0.1/",
            "http://0177.1/", "http://127.1/", "http://127.0.1/", "http://017700000001/", "http://0xA9.0xFE.0xA9.0xFE/",
            "http://2852039166/", "http://0/", "http://0x0/", "http://10.1/", "http://127.0.0.1./"})
    void refusesPrivateAddressesWhateverTheIpv4Spelling(String url) {
        assertThat(strict.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://1.2.3.4.5/", "http://256.1.1.1/", "http://1.2.3.4294967296/", "http://0x1ffffffff/",
            "http://example.123/"})
    void refusesMalformedNumericHosts(String url) {
        assertThat(strict.refusal(url)).as(url).isPresent();
        assertThat(permissive.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]/", "http://[::]/", "http://[0:0:0:0:0:0:0:1]/", "http://[fe80::1]/",
            "http://[fe80::1%25eth0]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[ff02::1]/",
            "http://[fec0::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:a9fe:a9fe]/",
            "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:c0a8:0101::1]/", "http://[2001:db8::1]/"})
    void refusesPrivateIpv6LiteralsIncludingEmbeddedIpv4(String url) {
        assertThat(strict.refusal(url)).as(url).isPresent();
    }

    @Test
    void ipv6AddressesThatEmbedAPublicIpv4AreAccepted() {
        assertThat(strict.refusal("http://[::ffff:8.8.8.8]/")).isEmpty();
        assertThat(strict.refusal("http://[64:ff9b::808:808]/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/", "http://LOCALHOST:8080/", "http://localhost./", "http://api.localhost/",
            "http://printer.local/", "http://metadata.google.internal/computeMetadata/v1/", "http://router.home.arpa/",
            "http://intranet/", "http://ip6-localhost/", "http://localhost.localdomain/"})
    void refusesNamesThatOnlyMeanThisMachineOrItsNetwork(String url) {
        assertThat(strict.refusal(url)).as(url).get().asString().contains("private");
        assertThat(permissive.refusal(url)).as(url).isEmpty();
    }

    @Test
    void checksResolvedAddressesForTheDeliveringSide() throws Exception {
        assertThat(strict.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(strict.refusal(InetAddress.getByName("::ffff:169.254.169.254"))).isPresent();
        assertThat(strict.refusal(InetAddress.getByName("93.184.216.34"))).isEmpty();
        assertThat(permissive.refusal(InetAddress.getByName("10.1.2.3"))).isEmpty();
    }
}
