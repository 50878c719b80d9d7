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
 * A phone number libphonenumber calls possible: E.164 for a DID, or also a North American national number for a
 * subscriber's contact number ({@link #contact()}). {@code null} and, for contact numbers, the empty string are valid.
 */
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = PhoneNumberValidator.class)
public @interface PhoneNumber {

    boolean contact() default false;

    String message() default "must be an E.164 number, e.g. 15162065319";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
