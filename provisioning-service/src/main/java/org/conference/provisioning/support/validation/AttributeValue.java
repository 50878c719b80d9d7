package org.conference.provisioning.support.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A meeting attribute's value as JSON allows it: a string (at most 1024 characters, no control characters), a number,
 * true/false or {@code null} (which removes the attribute on update). Its meaning is the catalog's to check.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = AttributeValueValidator.class)
public @interface AttributeValue {

    int MAX_TEXT = 1024;

    String message() default "must be a string or a number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
