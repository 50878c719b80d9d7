package org.conference.provisioning.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class AttributeValueValidator implements ConstraintValidator<AttributeValue, Object> {

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (!(value instanceof String text)) {
            return false;
        }
        if (text.length() > AttributeValue.MAX_TEXT) {
            return TextValidator.refuse(context, "must be at most " + AttributeValue.MAX_TEXT + " characters");
        }
        return TextRules.isPlain(text, false)
                || TextValidator.refuse(context, "must not contain control characters or line breaks");
    }
}
