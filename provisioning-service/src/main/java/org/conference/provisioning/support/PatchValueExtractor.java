package org.conference.provisioning.support;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets constraints on the type argument of a {@code Patch} check the value inside
 * ({@code Patch<@Text(max = 128) String> firstName}), while constraints on the field itself check the {@code Patch}
 * ({@code @NotCleared}). Registered through {@code META-INF/services/jakarta.validation.valueextraction.ValueExtractor}.
 */
public final class PatchValueExtractor implements ValueExtractor<Patch<@ExtractedValue ?>> {

    @Override
    public void extractValues(Patch<?> originalValue, ValueReceiver receiver) {
        receiver.value(null, originalValue.value());
    }
}
