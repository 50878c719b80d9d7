package org.conference.provisioning.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class TextValidator implements ConstraintValidator<Text, String> {

    private int max;
    private boolean multiline;

    @Override
    public void initialize(Text text) {
        max = text.max();
        multiline = text.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.length() > max) {
            return refuse(context, "must be at most " + max + " characters");
        }
        if (!TextRules.isPlain(value, multiline)) {
            return refuse(context, multiline ? "must not contain control characters other than tab and line breaks"
                    : "must not contain control characters or line breaks");
        }
        return true;
    }

    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
