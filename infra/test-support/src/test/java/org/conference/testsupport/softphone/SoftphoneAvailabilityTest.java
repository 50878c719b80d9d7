package org.conference.testsupport.softphone;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing baresip skips the softphone tests on a developer's machine but breaks the build in CI. */
class SoftphoneAvailabilityTest {

    @Test
    void missingOnADevelopersMachineSkips() {
        assertThatThrownBy(() -> Softphone.assumeInstalled(false, null)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Softphone.assumeInstalled(false, "false")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void missingUnderCiFails() {
        assertThatThrownBy(() -> Softphone.assumeInstalled(false, "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("baresip-core");
    }

    @Test
    void installedRuns() {
        assertThatCode(() -> Softphone.assumeInstalled(true, "true")).doesNotThrowAnyException();
        assertThatCode(() -> Softphone.assumeInstalled(true, null)).doesNotThrowAnyException();
    }
}
