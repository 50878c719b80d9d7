package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LaunchOptionsTest {

    @Test
    void withoutArgumentsItBuildsAndStartsEverything() {
        LaunchOptions options = LaunchOptions.parse(List.of());

        assertThat(options.mode()).isEqualTo(LaunchOptions.Mode.START);
        assertThat(options.build()).isTrue();
        assertThat(options.infraOnly()).isFalse();
        assertThat(options.instancesOf("meeting-service")).isEqualTo(1);
        assertThat(options.edge()).isEqualTo(EdgeChoice.SIMULATOR);
    }

    @Test
    void theEdgeIsChosenInBothSpellings() {
        assertThat(LaunchOptions.parse(List.of("--edge", "sip")).edge()).isEqualTo(EdgeChoice.SIP);
        assertThat(LaunchOptions.parse(List.of("--edge=both", "--no-build")).edge()).isEqualTo(EdgeChoice.BOTH);
        assertThat(LaunchOptions.parse(List.of("--edge", "simulator")).edge()).isEqualTo(EdgeChoice.SIMULATOR);
    }

    @Test
    void anEdgeChoiceStartsItsEdgesAndEverythingThatIsNoEdge() {
        assertThat(EdgeChoice.SIMULATOR.starts("simulator")).isTrue();
        assertThat(EdgeChoice.SIMULATOR.starts("sip")).isFalse();
        assertThat(EdgeChoice.SIP.starts("simulator")).isFalse();
        assertThat(EdgeChoice.SIP.starts("sip")).isTrue();
        assertThat(EdgeChoice.BOTH.starts("simulator")).isTrue();
        assertThat(EdgeChoice.BOTH.starts("sip")).isTrue();
        assertThat(EdgeChoice.SIP.starts(null)).isTrue();
    }

    @Test
    void readsEveryOption() {
        assertThat(LaunchOptions.parse(List.of("--no-build", "--infra-only")))
                .extracting(LaunchOptions::build, LaunchOptions::infraOnly).containsExactly(false, true);
        assertThat(LaunchOptions.parse(List.of("--status")).mode()).isEqualTo(LaunchOptions.Mode.STATUS);
        assertThat(LaunchOptions.parse(List.of("--stop")).mode()).isEqualTo(LaunchOptions.Mode.STOP);
        assertThat(LaunchOptions.parse(List.of("-h")).mode()).isEqualTo(LaunchOptions.Mode.HELP);
        assertThat(LaunchOptions.parse(List.of("--help")).mode()).isEqualTo(LaunchOptions.Mode.HELP);
    }

    @Test
    void scaleComesInBothSpellingsAndForSeveralServices() {
        LaunchOptions options = LaunchOptions.parse(
                List.of("--scale", "meeting-service=3", "--scale=callback-service=2", "--no-build"));

        assertThat(options.scale()).isEqualTo(Map.of("meeting-service", 3, "callback-service", 2));
        assertThat(options.instancesOf("meeting-service")).isEqualTo(3);
        assertThat(options.instancesOf("media-service")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--scale meeting-service", "--scale meeting-service=0", "--scale =2",
        "--scale", "--scale a=2 --scale a=3", "--status --stop", "--stop --infra-only", "--status --scale a=2",
        "--infra-only --scale a=2", "start", "--edge", "--edge pstn", "--edge=", "--edge sip --edge both",
        "--status --edge sip", "--infra-only --edge sip"})
    void refusesWhatItCannotFollowWithExitStatus2(String line) {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(line.split(" "))))
                .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.exitStatus()).isEqualTo(2));
    }
}
