package org.conference.media.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.conference.common.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file name is a base name: nothing that could reach another path, nothing invisible, at most 255 bytes. */
class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"..\\..\\windows\\win.ini", "C:\\fakepath\\a.wav", "/etc/passwd", "a/../b.wav", ".",
            "..", "...wav", "nul\u0000.wav", "bell\u0007.wav", "del\u007f.wav", "line\nbreak.wav", "c1\u0085.wav",
            " ", ""})
    void refusesWithA422(String name) {
        assertThatThrownBy(() -> FileNames.require(name)).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.status().value()).isEqualTo(422));
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        String exactly255 = "ü".repeat(125) + "a.wav";
        assertThat(FileNames.require(exactly255)).isEqualTo(exactly255);
        assertThatThrownBy(() -> FileNames.require("ü".repeat(126) + "a.wav")).isInstanceOf(ApiException.class);
    }

    @Test
    void keepsOrdinaryNamesAsGiven() {
        for (String name : new String[] {"recording.mp3", "Greeting (v2).wav", "日本語.wav", "a.b.c.wav"}) {
            assertThat(FileNames.require(name)).isEqualTo(name);
        }
    }
}
