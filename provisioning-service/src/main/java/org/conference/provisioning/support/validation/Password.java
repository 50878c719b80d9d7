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
 * 8 to 72 characters and at most 72 bytes in UTF-8 (BCrypt reads no more, and refuses to hash more), without control
 * characters.
 */
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = PasswordValidator.class)
public @interface Password {

    String message() default "must be 8 to 72 characters (at most 72 bytes in UTF-8) without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
