package org.conference.media.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conference.media.support.MediaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recordings are fetched only from under a configured edge base URL. */
class EdgeLocationsTest {

    private final EdgeLocations edges = new EdgeLocations(new MediaProperties(null, null,
            List.of("http://localhost:8095", "https://edge.example.com/media/"), null, null));

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8095/simulator/v1/recordings/1-2-3",
            "HTTP://LOCALHOST:8095/simulator/v1/recordings/1-2-3", "https://edge.example.com/media/r/1-2-3",
            "https://edge.example.com:443/media/1-2-3"})
    void allowsLocationsUnderAnEdge(String location) {
        assertThat(edges.allows(location)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8096/simulator/v1/recordings/x", "https://localhost:8095/x",
            "http://localhost:8095.evil.example/x", "http://evil.example/?http://localhost:8095/",
            "http://user:secret@localhost:8095/x", "https://edge.example.com/other/x",
            "https://edge.example.com/media/../admin", "https://edge.example.com/mediafake/x",
            "http://169.254.169.254/latest/meta-data", "file:///etc/passwd", "/simulator/v1/recordings/x",
            "not a url", ""})
    void refusesEverythingElse(String location) {
        assertThat(edges.allows(location)).isFalse();
    }

    @Test
    void refusesNoLocation() {
        assertThat(edges.allows(null)).isFalse();
    }
}
