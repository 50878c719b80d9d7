package org.conference.provisioning.support.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A field of a partial update that may be left out but not cleared: sent as {@code null} (or a blank string) it is a
 * 422, as a required field of a create would be.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = NotClearedValidator.class)
public @interface NotCleared {

    String message() default "is required and cannot be cleared";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
