package org.conference.meeting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An integer field that takes only the listed values (the reference's coded fields, such as {@code muteMode}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Check.class)
public @interface OneOf {

    int[] value();

    String message() default "must be one of {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Absent values pass: only what was sent is checked. */
    class Check implements ConstraintValidator<OneOf, Integer> {

        private int[] allowed;

        @Override
        public void initialize(OneOf annotation) {
            allowed = annotation.value().clone();
        }

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return value == null || Arrays.stream(allowed).anyMatch(candidate -> candidate == value);
        }
    }
}
