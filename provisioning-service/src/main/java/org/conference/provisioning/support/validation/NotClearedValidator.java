package org.conference.provisioning.support.validation;

import org.conference.provisioning.support.Patch;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class NotClearedValidator implements ConstraintValidator<NotCleared, Patch<?>> {

    @Override
    public boolean isValid(Patch<?> patch, ConstraintValidatorContext context) {
        if (patch == null || !patch.isSent()) {
            return true;
        }
        return patch.value() != null && !(patch.value() instanceof String text && text.isBlank());
    }
}
