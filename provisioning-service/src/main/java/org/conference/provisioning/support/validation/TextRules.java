package org.conference.provisioning.support.validation;

/** What "no control characters" means for every text the API stores. */
final class TextRules {

    private TextRules() {
    }

    static boolean isPlain(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }
}
