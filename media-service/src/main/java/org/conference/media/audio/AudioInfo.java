package org.conference.media.audio;

/** What the bytes of a file are: its audio type (the download's {@code Content-Type}) and its duration. */
public record AudioInfo(String contentType, long durationMillis) {
}
