package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

    static boolean like(String pattern, String text) {
        return Pattern.compile(LikePattern.toRegex(pattern), LikePattern.javaFlags(false)).matcher(text).find();
    }

    /** Java escapes: {@code \\} is one backslash, {@code \n} a line break. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "abc\\%|abc%|true", "abc\\%|abcd|false",
            "abc\\\\%|abc\\xyz|true", "abc\\\\%|abcxyz|false",
            "\\%abc|%abc|true", "\\%abc|x%abc|false",
            "a\\_c|a_c|true", "a\\_c|abc|false",
            "a\\b|a\\b|true",
            "%%|``|true", "%%|`\n`|true", "``|``|true", "``|x|false",
            "a%|ba|false", "a%|`a\nb`|true",
            "%a|ba|true", "%a|ab|false", "%a|`ba\n`|false",
            "a_c|`a\nc`|true", "a__|abc|true", "a__|ab|false",
            "a\\Eb|a\\Eb|true", "\\Q%|\\Qx|true",
            "a.*|a.*|true", "a.*|abc|false", "(x)+[y]|(x)+[y]|true", "$^|$^|true",
            "%\\\\|a\\|true", "%\\\\|a|false",
            "trailing\\|trailing\\|true"})
    void matchesLikeSql(String pattern, String text, boolean expected) {
        assertThat(like(pattern, text)).as("%s like %s", text, pattern).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Account%|^\\QAccount\\E", "%555%|^(?>.*?\\Q555\\E)", "%|^", "%%a%%|^(?>.*?\\Qa\\E)",
            "a%%%b|^\\Qa\\E.*\\Qb\\E\\z", "%a%_b%c|^(?>.*?\\Qa\\E)(?>.*?.\\Qb\\E).*\\Qc\\E\\z"})
    void middleSegmentsBecomeAtomicLazyGroups(String pattern, String regex) {
        assertThat(LikePattern.toRegex(pattern)).isEqualTo(regex);
    }

    /** Committing each middle segment to its leftmost occurrence is exact: checked against backtracking matching. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "%ab%b|abab|true", "%ab%ab|abab|true", "%ab%ab|aba|false", "%a_a%|abaXa|true", "a%a|a|false",
            "%aa%aa%|aaaa|true", "%aa%aa%|aaa|false", "%a%a%a%|aa|false", "_%_|ab|true", "_%_|a|false"})
    void leftmostCommitmentIsExact(String pattern, String text, boolean expected) {
        assertThat(like(pattern, text)).isEqualTo(expected);
        assertThat(Oracle.wildcard(pattern, text, false)).isEqualTo(expected);
    }

    @Test
    void pathologicalPatternsMatchInLinearTime() {
        String pattern = "%a".repeat(40) + "%b";
        String text = "a".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(like(pattern, text)).isFalse());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(like(pattern, text + "b")).isTrue());
    }
}
