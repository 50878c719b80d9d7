package org.conference.common.query;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one resource lets clients filter and sort on: API field names, their types and the document paths they live at.
 * Each service declares one per list endpoint, once, as a constant:
 *
 * <pre>{@code
 * static final ResourceSchema ROOMS = ResourceSchema.builder()
 *         .integer("meeting_room_id", "_id").id()
 *         .string("name")
 *         .string("keychain.access_code", "keychain.accessCode").notSortable()
 *         .bitmask("capabilities", 5)
 *         .build();
 * }</pre>
 *
 * Fields are filterable and sortable unless a modifier says otherwise; modifiers apply to the field declared just
 * before them. Declare fields whose path reaches an array ({@code did_group_references.did_group_id}) or may hold
 * one {@code notSortable()}: sorting by a list rarely means anything to a client, and the MongoDB-wire server of the
 * Docker-free stack sorts arrays inconsistently. Exactly one field is the {@link #id() id}: list results are always
 * ordered by it last, so that paging is stable when the requested order has ties.
 */
public final class ResourceSchema {

    private final Map<String, FieldSpec> fields;
    private final FieldSpec id;

    private ResourceSchema(Map<String, FieldSpec> fields, FieldSpec id) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.id = id;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The field clients call {@code name}, if the resource exposes it. */
    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Collection<FieldSpec> fields() {
        return fields.values();
    }

    /** The unique field every sort ends with. */
    public FieldSpec id() {
        return id;
    }

    @Override
    public String toString() {
        return "ResourceSchema" + fields.keySet();
    }

    /** Declares fields in order; not thread-safe, meant to be used once while building a constant. */
    public static final class Builder {

        private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
        private String last;
        private String id;

        private Builder() {
        }

        public Builder string(String name) {
            return string(name, name);
        }

        public Builder string(String name, String path) {
            return add(new FieldSpec(name, path, FieldType.STRING, true, true, 0));
        }

        public Builder integer(String name) {
            return integer(name, name);
        }

        public Builder integer(String name, String path) {
            return add(new FieldSpec(name, path, FieldType.INTEGER, true, true, 0));
        }

        public Builder number(String name) {
            return number(name, name);
        }

        public Builder number(String name, String path) {
            return add(new FieldSpec(name, path, FieldType.NUMBER, true, true, 0));
        }

        public Builder bool(String name) {
            return bool(name, name);
        }

        public Builder bool(String name, String path) {
            return add(new FieldSpec(name, path, FieldType.BOOLEAN, true, true, 0));
        }

        /** An integer field whose stored values use only the low {@code bits} bits; it accepts {@code bit}. */
        public Builder bitmask(String name, int bits) {
            return bitmask(name, name, bits);
        }

        public Builder bitmask(String name, String path, int bits) {
            if (bits < 1) {
                throw new IllegalArgumentException("a bitmask needs at least one bit: " + name);
            }
            return add(new FieldSpec(name, path, FieldType.INTEGER, true, true, bits));
        }

        /** The field just declared cannot be named in {@code order}. */
        public Builder notSortable() {
            return modifyLast(new FieldSpec(spec().name(), spec().path(), spec().type(), spec().filterable(), false,
                    spec().bitWidth()));
        }

        /** The field just declared cannot be named in {@code filter}. */
        public Builder notFilterable() {
            return modifyLast(new FieldSpec(spec().name(), spec().path(), spec().type(), false, spec().sortable(),
                    spec().bitWidth()));
        }

        /** The field just declared is the resource's unique id, the final sort key of every list. */
        public Builder id() {
            if (id != null) {
                throw new IllegalStateException("id already declared: " + id);
            }
            id = spec().name();
            return this;
        }

        public ResourceSchema build() {
            if (id == null) {
                throw new IllegalStateException("declare the resource's unique field with id()");
            }
            FieldSpec idSpec = fields.get(id);
            if (!idSpec.sortable()) {
                throw new IllegalStateException("the id field must be sortable: " + id);
            }
            return new ResourceSchema(fields, idSpec);
        }

        private Builder add(FieldSpec spec) {
            if (fields.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("field declared twice: " + spec.name());
            }
            last = spec.name();
            return this;
        }

        private Builder modifyLast(FieldSpec spec) {
            fields.put(last, spec);
            return this;
        }

        private FieldSpec spec() {
            if (last == null) {
                throw new IllegalStateException("declare a field before modifying it");
            }
            return fields.get(last);
        }
    }
}
