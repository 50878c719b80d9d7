package org.conference.common.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;

/** A stored document of the tests: a label, a unique-indexed array of codes, a version and the deleted flag. */
record Parcel(@Id String id, String label, List<String> codes, long version, boolean deleted) implements Versioned {

    static Parcel first(String id, String label) {
        return new Parcel(id, label, List.of(), 1, false);
    }

    @Override
    public Object documentId() {
        return id;
    }

    Parcel relabelled(String newLabel) {
        return new Parcel(id, newLabel, codes, version + 1, deleted);
    }

    Parcel deletedVersion() {
        return new Parcel(id, label, codes, version + 1, true);
    }
}
