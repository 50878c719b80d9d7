package org.conference.provisioning.support.validation;

import java.nio.charset.StandardCharsets;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PasswordValidator implements ConstraintValidator<Password, String> {

    static final int MIN = 8;
    static final int MAX_BYTES = 72;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || (value.length() >= MIN && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                && TextRules.isPlain(value, false));
    }
}
