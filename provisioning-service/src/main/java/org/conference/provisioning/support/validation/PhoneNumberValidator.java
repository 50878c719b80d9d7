package org.conference.provisioning.support.validation;

import org.conference.provisioning.support.PhoneNumbers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, String> {

    private boolean contact;

    @Override
    public void initialize(PhoneNumber annotation) {
        contact = annotation.contact();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || (contact && value.isEmpty())) {
            return true;
        }
        if (contact) {
            return PhoneNumbers.isContactNumber(value)
                    || TextValidator.refuse(context, "must be a phone number, e.g. +19197473626 or 9197473626");
        }
        return PhoneNumbers.e164(value).isPresent();
    }
}
