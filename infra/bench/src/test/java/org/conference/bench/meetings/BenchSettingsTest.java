package org.conference.bench.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaultsAreTheLocalStackWithItsGeneratedPassword() throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("admin-password"), "5IaEgenerated\n");

        BenchSettings settings = BenchSettings.from(new String[0], Map.of(), passwordFile);

        assertThat(settings.gateway()).hasToString("http://127.0.0.1:8080");
        assertThat(settings.simulator()).hasToString("http://127.0.0.1:8095");
        assertThat(settings.login()).isEqualTo("admin");
        assertThat(settings.password()).isEqualTo("5IaEgenerated");
        assertThat(settings.callers()).isEqualTo(1000);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(25));
        assertThat(settings.dtmfPerSecond()).as("all codes at once").isZero();
    }

    @Test
    void anArgumentBeatsTheEnvironmentWhichBeatsTheDefault() {
        BenchSettings settings = BenchSettings.from(new String[] {"--callers=50", "--gateway=http://localhost:18080/"},
                Map.of("BENCH_CALLERS", "70", "BENCH_CONCURRENCY", "8", "CONFERENCE_ADMIN_PASSWORD", "from-env"),
                directory.resolve("absent"));

        assertThat(settings.callers()).isEqualTo(50);
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.password()).isEqualTo("from-env");
        assertThat(settings.gateway()).hasToString("http://localhost:18080");
    }

    @Test
    void theBenchRefusesToLoadAnotherMachine() {
        assertThatThrownBy(() -> BenchSettings.from(new String[] {"--gateway=http://192.0.2.10:8080",
                "--password=x"}, Map.of(), directory.resolve("absent")))
                .hasMessage("gateway must be on this machine (loopback), not 192.0.2.10");
    }

    @Test
    void badSettingsAreNamed() {
        Path absent = directory.resolve("absent");
        assertThatThrownBy(() -> BenchSettings.from(new String[] {"--callers=0", "--password=x"}, Map.of(), absent))
                .hasMessage("callers must be 1 to 10000, not 0");
        assertThatThrownBy(() -> BenchSettings.from(new String[] {"--callers=many", "--password=x"}, Map.of(), absent))
                .hasMessage("callers must be an integer, not many");
        assertThatThrownBy(() -> BenchSettings.from(new String[] {"--dtmf-per-second=-1", "--password=x"}, Map.of(),
                absent)).hasMessage("dtmf-per-second must be 0 to 10000, not -1");
        assertThatThrownBy(() -> BenchSettings.from(new String[] {"--colers=5"}, Map.of(), absent))
                .hasMessage("unknown argument --colers=5");
        assertThatThrownBy(() -> BenchSettings.from(new String[0], Map.of(), absent))
                .hasMessageStartingWith("no admin password");
    }

    @Test
    void thePasswordNeverReachesTheOutput() {
        BenchSettings settings = BenchSettings.from(new String[] {"--password=s3cret-pass"}, Map.of(),
                directory.resolve("absent"));

        assertThat(settings.toString()).doesNotContain("s3cret-pass").contains("1000 callers");
    }
}
