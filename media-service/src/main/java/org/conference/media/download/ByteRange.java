package org.conference.media.download;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpRange;

/**
 * The one byte range a download serves ({@code first} to {@code last}, inclusive) out of a file of {@code length}
 * bytes, from a {@code Range} header (RFC 9110 §14): none or several ranges mean the whole file, a malformed or
 * unsatisfiable one is {@link Unsatisfiable} (416).
 */
record ByteRange(long first, long last, long length) {

    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super("range not satisfiable", null, false, false);
        }
    }

    /** Empty for the whole file. */
    static Optional<ByteRange> of(String header, long length) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException malformed) {
            throw new Unsatisfiable();
        }
        if (ranges.size() != 1) {
            return Optional.empty();
        }
        String spec = header.substring(header.indexOf('=') + 1).trim();
        if (spec.startsWith("-")) {
            long suffix = Long.parseLong(spec.substring(1).trim());
            if (suffix == 0 || length == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1, length));
        }
        long first = ranges.get(0).getRangeStart(Long.MAX_VALUE);
        if (first >= length) {
            throw new Unsatisfiable();
        }
        long last = Math.min(ranges.get(0).getRangeEnd(Long.MAX_VALUE), length - 1);
        return Optional.of(new ByteRange(first, last, length));
    }

    long size() {
        return last - first + 1;
    }

    String contentRange() {
        return "bytes " + first + "-" + last + "/" + length;
    }
}
