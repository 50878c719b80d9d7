package org.conference.provisioning.support;

import java.util.function.BiFunction;
import java.util.function.Function;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One field of a partial update as the client sent it: absent (leave the stored value), sent as {@code null}
 * (clear it, where the field may be cleared) or sent with a value. Jackson fills absent record components with
 * {@link #absent()} and JSON {@code null} with {@link #cleared()} ({@link PatchDeserializer}); constraints on its
 * type argument apply to the value inside ({@link PatchValueExtractor}).
 */
@JsonDeserialize(using = PatchDeserializer.class)
public final class Patch<T> {

    private static final Patch<?> ABSENT = new Patch<>(false, null);
    private static final Patch<?> CLEARED = new Patch<>(true, null);

    private final boolean sent;
    private final T value;

    private Patch(boolean sent, T value) {
        this.sent = sent;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> cleared() {
        return (Patch<T>) CLEARED;
    }

    public static <T> Patch<T> of(T value) {
        return value == null ? cleared() : new Patch<>(true, value);
    }

    /** True when the field was in the body, with a value or {@code null}. */
    public boolean isSent() {
        return sent;
    }

    /** The value sent; {@code null} when absent or sent as {@code null}. */
    public T value() {
        return value;
    }

    /** The value sent (possibly {@code null}), or {@code current} when the field was absent. */
    public T orElse(T current) {
        return sent ? value : current;
    }

    /** {@code change} applied to {@code target} with the value sent (possibly {@code null}); else {@code target}. */
    public <D> D applyTo(D target, BiFunction<D, ? super T, D> change) {
        return sent ? change.apply(target, value) : target;
    }

    /** Absent stays absent, {@code null} stays {@code null}, a value is mapped. */
    public <R> Patch<R> map(Function<? super T, ? extends R> mapping) {
        return !sent ? absent() : value == null ? cleared() : of(mapping.apply(value));
    }

    @Override
    public String toString() {
        return !sent ? "<absent>" : String.valueOf(value);
    }
}
