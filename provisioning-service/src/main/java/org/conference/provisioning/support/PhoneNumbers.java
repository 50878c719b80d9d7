package org.conference.provisioning.support;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers by libphonenumber's metadata. A DID is E.164 ("+" optional on input), stored as digits with its
 * country. A subscriber's own number is contact data kept as the client wrote it; it may also be written nationally
 * in the North American plan, as the reference's sample {@code "9197473626"} is.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String NATIONAL_REGION = "US";

    public record Parsed(String digits, String countryCode) {
    }

    /** The E.164 number as digits and its ISO country, or empty when it is not a possible number. */
    public static Optional<Parsed> e164(String input) {
        String digits = input.startsWith("+") ? input.substring(1) : input;
        if (!digits.matches("[1-9][0-9]{6,14}")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse("+" + digits, null);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            String region = UTIL.getRegionCodeForNumber(number);
            return Optional.of(new Parsed(digits, region == null || "ZZ".equals(region) ? null : region));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** E.164 as for DIDs, or a national number of the North American plan; spaces, dots, dashes, brackets allowed. */
    public static boolean isContactNumber(String input) {
        if (!input.matches("\\+?[0-9 ().-]{7,32}")) {
            return false;
        }
        String compact = input.replaceAll("[ ().-]", "");
        if (e164(compact).isPresent()) {
            return true;
        }
        try {
            return !compact.startsWith("+") && UTIL.isPossibleNumber(UTIL.parse(compact, NATIONAL_REGION));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private PhoneNumbers() {
    }
}
