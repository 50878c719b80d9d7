package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.sh, the README's command, hands over to the launcher with the arguments and the exit status unchanged. */
class WrapperTest {

    @TempDir
    Path home;

    @Test
    void helpComesFromTheLauncher() throws Exception {
        Result help = runSh("--help");

        assertThat(help.status()).isZero();
        assertThat(help.output()).contains("infra/local-stack/run.sh --scale meeting-service=3")
                .contains("infra/local-stack/topology.properties");
    }

    @Test
    void statusOfNoStackSaysSoWithStatus1AndAWrongArgumentGets2() throws Exception {
        Result status = runSh("--status");
        Result wrong = runSh("--frobnicate");

        assertThat(status.status()).isEqualTo(1);
        assertThat(status.output()).contains("No local stack process is running.");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.output()).contains("unknown argument: --frobnicate");
    }

    private record Result(int status, String output) {
    }

    private Result runSh(String argument) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", TestStack.MODULE.resolve("run.sh").toString(), argument)
                .redirectErrorStream(true);
        builder.environment().put("LOCAL_STACK_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
