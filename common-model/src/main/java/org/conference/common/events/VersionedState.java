package org.conference.common.events;

/**
 * A record of a compacted state topic. {@code version} grows with every change of the object, so a consumer keeps a
 * record only when its version is newer than the one it holds (ARCHITECTURE.md §4). A deletion is a tombstone (null
 * value) under {@link #key()}.
 */
public interface VersionedState {

    String key();

    long version();

    /** True when this record should replace {@code held}, the state a consumer already has (or null). */
    default boolean supersedes(VersionedState held) {
        return held == null || version() > held.version();
    }
}
