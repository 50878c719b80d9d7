package org.conference.provisioning.support.validation;

import org.conference.common.webhooks.CallbackTargetPolicy;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Judges the URL alone, never resolving its host (validation runs on the event loop); callback-service resolves the
 * name when it delivers and checks the addresses by the same policy.
 */
public class CallbackUrlValidator implements ConstraintValidator<CallbackUrl, String> {

    private final CallbackTargetPolicy policy;

    public CallbackUrlValidator(CallbackTargetPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        return policy.refusal(value).map(reason -> TextValidator.refuse(context, reason)).orElse(true);
    }
}
