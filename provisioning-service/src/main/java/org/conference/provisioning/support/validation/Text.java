package org.conference.provisioning.support.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text field: at most {@link #max()} characters and no control characters. Free text ({@link #multiline()}) may
 * hold tab, line feed and carriage return; nothing else below U+0020 (nor DEL, the C1 controls or an unpaired
 * surrogate) is ever stored. {@code null} is valid: whether a field is required is said separately.
 */
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = TextValidator.class)
public @interface Text {

    int max();

    boolean multiline() default false;

    String message() default "must be at most {max} characters without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
