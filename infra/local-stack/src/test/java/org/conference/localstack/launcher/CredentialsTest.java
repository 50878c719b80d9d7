package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path home;

    @Test
    void generatesThePasswordOnceKeepsItPrivateAndReusesIt() throws Exception {
        Path file = home.resolve("admin-password");

        Credentials first = Credentials.resolve(Map.of(), file, ".local/admin-password");
        Credentials second = Credentials.resolve(Map.of(), file, ".local/admin-password");

        assertThat(first.adminLogin()).isEqualTo("admin");
        assertThat(first.adminPassword()).matches("[A-Za-z0-9]{20}");
        assertThat(first.passwordSource()).isEqualTo("generated, kept in .local/admin-password");
        assertThat(Files.readString(file)).isEqualTo(first.adminPassword());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second.adminPassword()).isEqualTo(first.adminPassword());
        assertThat(second.passwordSource()).isEqualTo("kept in .local/admin-password");
    }

    @Test
    void theVariablesWin() throws Exception {
        Path file = home.resolve("admin-password");
        Files.writeString(file, "kept");

        Credentials credentials = Credentials.resolve(Map.of("CONFERENCE_ADMIN_LOGIN", "root",
                "CONFERENCE_ADMIN_PASSWORD", "chosen", "CONFERENCE_INTERNAL_JWT_SECRET",
                "0123456789abcdef0123456789abcdef"), file, "f");

        assertThat(credentials).isEqualTo(new Credentials("root", "chosen", "from CONFERENCE_ADMIN_PASSWORD",
                "0123456789abcdef0123456789abcdef", false));
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void withoutASecretEachRunHasANewOne() {
        Path file = home.resolve("admin-password");

        Credentials one = Credentials.resolve(Map.of(), file, "f");
        Credentials other = Credentials.resolve(Map.of(), file, "f");

        assertThat(one.jwtSecretGenerated()).isTrue();
        assertThat(one.jwtSecret()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(other.jwtSecret());
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> Credentials.resolve(Map.of("CONFERENCE_INTERNAL_JWT_SECRET", "short"),
                home.resolve("admin-password"), "f"))
                .hasMessage("CONFERENCE_INTERNAL_JWT_SECRET must be at least 32 bytes");
    }
}
