package org.conference.provisioning.dids;

import org.conference.common.api.ApiException;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E.164 numbers, "+" optional on input, stored as digits; the country comes from libphonenumber's metadata. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    record Parsed(String digits, String countryCode) {
    }

    static Parsed parse(String input) {
        String digits = input.startsWith("+") ? input.substring(1) : input;
        if (!digits.matches("[1-9][0-9]{6,14}")) {
            throw invalid();
        }
        try {
            PhoneNumber number = UTIL.parse("+" + digits, null);
            if (!UTIL.isPossibleNumber(number)) {
                throw invalid();
            }
            String region = UTIL.getRegionCodeForNumber(number);
            return new Parsed(digits, region == null || "ZZ".equals(region) ? null : region);
        } catch (NumberParseException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.validation("phoneNumber", "phoneNumber must be an E.164 number, e.g. 15162065319");
    }

    private PhoneNumbers() {
    }
}
