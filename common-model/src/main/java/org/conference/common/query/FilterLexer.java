package org.conference.common.query;

/**
 * Splits filter text into words, quoted values and the punctuation of lists, one token at a time so that the parser
 * reports the first problem by position. A quote only opens a quoted value at the start of a token ({@code O'Brien} is
 * one bare word). Inside quotes, the quote character is written doubled or after a backslash, and a backslash before a
 * backslash is one backslash; any other backslash is kept, so that {@code like} patterns can still escape {@code %}.
 */
final class FilterLexer {

    enum Kind { WORD, QUOTED, OPEN, CLOSE, COMMA, END }

    /** {@code value} is the unescaped text; {@code start..end} the raw span in the filter, for error messages. */
    record Token(Kind kind, String value, int start, int end) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
        }
    }

    private final String text;
    private int pos;
    private Token peeked;

    FilterLexer(String text) {
        this.text = text;
    }

    String raw(Token token) {
        return text.substring(token.start(), token.end());
    }

    Token peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        return token;
    }

    private Token read() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos == text.length()) {
            return new Token(Kind.END, "", pos, pos);
        }
        int start = pos;
        char c = text.charAt(pos);
        return switch (c) {
            case '(' -> punctuation(Kind.OPEN, start);
            case ')' -> punctuation(Kind.CLOSE, start);
            case ',' -> punctuation(Kind.COMMA, start);
            case '"', '\'' -> quoted(c, start);
            default -> word(start);
        };
    }

    private Token punctuation(Kind kind, int start) {
        pos++;
        return new Token(kind, text.substring(start, pos), start, pos);
    }

    private Token word(int start) {
        while (pos < text.length() && !endsWord(text.charAt(pos))) {
            pos++;
        }
        return new Token(Kind.WORD, text.substring(start, pos), start, pos);
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == ',';
    }

    private Token quoted(char quote, int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\\' && (next == '"' || next == '\'' || next == '\\')) {
                value.append(next);
                i += 2;
            } else if (c == quote && next == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                pos = i + 1;
                requireSeparatorAfterQuote();
                return new Token(Kind.QUOTED, value.toString(), start, pos);
            } else {
                value.append(c);
                i++;
            }
        }
        throw QueryErrors.filter("unterminated quoted value", start, text.substring(start));
    }

    /** {@code "abc"def} is a typo, not two values: reject it where the quoted value ends. */
    private void requireSeparatorAfterQuote() {
        if (pos < text.length() && !endsWord(text.charAt(pos))) {
            throw QueryErrors.filter("unexpected character after quoted value", pos, text.substring(pos, pos + 1));
        }
    }
}
