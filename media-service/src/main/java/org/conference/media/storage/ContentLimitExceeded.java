package org.conference.media.storage;

/** An upload went past the number of bytes it was allowed; what was written of it has been removed. */
public class ContentLimitExceeded extends RuntimeException {

    private final long limitBytes;

    public ContentLimitExceeded(long limitBytes) {
        super("content longer than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
