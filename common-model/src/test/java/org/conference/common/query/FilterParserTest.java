package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.conference.common.query.TestSchemas.field;

import java.util.Arrays;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class FilterParserTest {

    static List<Condition> parse(String filter) {
        return Filter.parse(filter, TestSchemas.ROOMS).conditions();
    }

    static Condition single(String filter) {
        List<Condition> conditions = parse(filter);
        assertThat(conditions).hasSize(1);
        return conditions.get(0);
    }

    static Object value(String filter) {
        return ((Condition.Compare) single(filter)).value();
    }

    static String error(String filter) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> parse(filter));
        assertThat(e).as("error for %s", filter).isNotNull();
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.body().message()).isEqualTo("invalid filter");
        FieldError only = e.body().errors().get(0);
        assertThat(only.field()).isEqualTo("filter");
        return only.message();
    }

    @Nested
    class Operators {

        @ParameterizedTest
        @CsvSource({"eq,EQ", "ne,NE", "gt,GT", "ge,GE", "lt,LT", "le,LE"})
        void comparisons(String keyword, Operator op) {
            assertThat(single("count " + keyword + " 5")).isEqualTo(new Condition.Compare(field("count"), op, 5L));
        }

        @Test
        void inAndNotinTakeAParenthesisedList() {
            assertThat(single("name in (a, 'b c',null)"))
                    .isEqualTo(new Condition.In(field("name"), Arrays.asList("a", "b c", null), false));
            assertThat(single("count notin (1,\"2\" , 3)"))
                    .isEqualTo(new Condition.In(field("count"), List.of(1L, 2L, 3L), true));
            assertThat(single("name in (\"a,b\")")).isEqualTo(new Condition.In(field("name"), List.of("a,b"), false));
        }

        @Test
        void likeAndIlikeKeepTheSqlPattern() {
            assertThat(single("name like 'Acc%_'")).isEqualTo(new Condition.Like(field("name"), "Acc%_", false));
            assertThat(single("name ilike AccOUnt%")).isEqualTo(new Condition.Like(field("name"), "AccOUnt%", true));
        }

        @Test
        void bitTakesAMaskWithinTheDeclaredWidth() {
            assertThat(single("capabilities bit 5")).isEqualTo(new Condition.BitsAllSet(field("capabilities"), 5));
            assertThat(single("capabilities bit '31'")).isEqualTo(new Condition.BitsAllSet(field("capabilities"), 31));
            assertThat(error("capabilities bit 32")).isEqualTo("bit mask outside 0..31 at position 17: '32'");
            assertThat(error("capabilities bit -1")).isEqualTo("bit mask outside 0..31 at position 17: '-1'");
        }

        @Test
        void keywordsIgnoreCase() {
            assertThat(parse("name EQ a AND count Ne NULL")).containsExactly(
                    new Condition.Compare(field("name"), Operator.EQ, "a"),
                    new Condition.Compare(field("count"), Operator.NE, null));
            assertThat(single("name NotIn (x)")).isEqualTo(new Condition.In(field("name"), List.of("x"), true));
        }

        @Test
        void nestedNamesResolveToTheirDocumentPaths() {
            Condition condition = single("keychain.access_code eq 1234");
            assertThat(condition.field().path()).isEqualTo("keychain.accessCode");
            assertThat(((Condition.Compare) condition).value()).isEqualTo("1234");
            assertThat(single("did_group_references.did_group_id ge 3").field().path())
                    .isEqualTo("didGroupReferences.didGroupId");
        }

        @Test
        void blankFilterIsNoFilter() {
            assertThat(Filter.parse("", TestSchemas.ROOMS)).isEqualTo(Filter.NONE);
            assertThat(Filter.parse(" \t ", TestSchemas.ROOMS)).isEqualTo(Filter.NONE);
        }

        @Test
        void whitespaceIsFlexible() {
            assertThat(parse("\tname   eq\na  and  count lt 3 ")).hasSize(2);
            assertThat(single("name in(a,b)")).isEqualTo(new Condition.In(field("name"), List.of("a", "b"), false));
        }
    }

    @Nested
    class Quoting {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "name eq \"Beta room\"|Beta room",
                "name eq 'Beta room'|Beta room",
                "name eq 'delta''s'|delta's",
                "name eq \"say \"\"hi\"\"\"|say \"hi\"",
                "name eq 'delta\\'s'|delta's",
                "name eq \"say \\\"hi\\\"\"|say \"hi\"",
                "name eq \"it's\"|it's",
                "name eq 'say \"hi\"'|say \"hi\"",
                "name eq 'back\\\\slash'|back\\slash",
                "name eq 'C:\\path'|C:\\path",
                "name eq O'Brien|O'Brien",
                "name eq a\"b|a\"b",
                "name eq 'a and b'|a and b",
                "name eq 'x eq y'|x eq y",
                "name eq '(a, b)'|(a, b)",
                "name eq '  padded '|`  padded `"})
        void quotedValuesReadBackExactly(String filter, String expected) {
            assertThat(value(filter)).isEqualTo(expected);
        }

        @Test
        void emptyQuotedValueIsTheEmptyString() {
            assertThat(value("name eq ''")).isEqualTo("");
            assertThat(value("name eq \"\"")).isEqualTo("");
        }

        @Test
        void quotesAreRequiredForSpaces() {
            assertThat(error("name eq Beta room")).isEqualTo("expected 'and' at position 13: 'room'");
        }
    }

    @Nested
    class Coercion {

        @Test
        void numbersCompareAsNumbersEvenWhenQuoted() {
            assertThat(value("count eq \"5\"")).isEqualTo(5L);
            assertThat(value("count eq '-7'")).isEqualTo(-7L);
            assertThat(value("count eq +7")).isEqualTo(7L);
            assertThat(value("score eq 3")).isEqualTo(3.0);
            assertThat(value("score eq '2.5'")).isEqualTo(2.5);
            assertThat(value("score eq -.5e1")).isEqualTo(-5.0);
            assertThat(value("id eq 12")).isEqualTo(12L);
        }

        @Test
        void stringFieldsTakeAnyWordAsText() {
            assertThat(value("name eq 0123")).isEqualTo("0123");
            assertThat(value("name eq true")).isEqualTo("true");
            assertThat(value("name eq 'null'")).isEqualTo("null");
        }

        @Test
        void booleansIgnoreCaseAndQuotes() {
            assertThat(value("active eq TRUE")).isEqualTo(true);
            assertThat(value("active eq 'false'")).isEqualTo(false);
        }

        @Test
        void bareNullIsNullWithEqAndNe() {
            assertThat(value("name eq null")).isNull();
            assertThat(value("count ne Null")).isNull();
            assertThat(value("active eq NULL")).isNull();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "id eq abc|invalid integer value at position 6: 'abc'",
                "count eq 1.5|invalid integer value at position 9: '1.5'",
                "count eq \"abc\"|invalid integer value at position 9: '\"abc\"'",
                "count eq 'null'|invalid integer value at position 9: ''null''",
                "count eq 99999999999999999999|integer out of range at position 9: '99999999999999999999'",
                "score eq abc|invalid number value at position 9: 'abc'",
                "score eq NaN|invalid number value at position 9: 'NaN'",
                "score eq Infinity|invalid number value at position 9: 'Infinity'",
                "score eq 0x10|invalid number value at position 9: '0x10'",
                "score eq 1e999|number out of range at position 9: '1e999'",
                "active eq yes|invalid boolean value at position 10: 'yes'",
                "active eq 1|invalid boolean value at position 10: '1'",
                "count in (1, two)|invalid integer value at position 13: 'two'"})
        void unconvertibleValuesAreErrorsNamingTheToken(String filter, String message) {
            assertThat(error(filter)).isEqualTo(message);
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "name equals x|unknown operator at position 5: 'equals'",
                "name|missing operator at position 4: ''",
                "name 'eq' x|expected operator at position 5: ''eq''",
                "name eq|missing value at position 7: ''",
                "`name eq   `|missing value at position 10: ''",
                "name eq (a)|expected value at position 8: '('",
                "name eq \"abc|unterminated quoted value at position 8: '\"abc'",
                "name eq 'abc\\'|unterminated quoted value at position 8: ''abc\\''",
                "name eq 'abc''|unterminated quoted value at position 8: ''abc'''",
                "name eq \"a\"b|unexpected character after quoted value at position 11: 'b'",
                "name eq 'a'\"b\"|unexpected character after quoted value at position 11: '\"'",
                "name in (a, b|unbalanced parenthesis at position 8: '('",
                "name in (|missing value at position 9: ''",
                "name eq a)|unbalanced parenthesis at position 9: ')'",
                "name in (a)) and count eq 1|unbalanced parenthesis at position 11: ')'",
                "name in a|expected '(' at position 8: 'a'",
                "name in|missing '(' at position 7: ''",
                "name in ()|missing value at position 9: ')'",
                "name in (a,)|missing value at position 11: ')'",
                "name in (a,,b)|expected value at position 11: ','",
                "name in (a b)|expected ',' or ')' at position 11: 'b'",
                "name eq a and|dangling 'and' at position 10: 'and'",
                "name eq a AND  |dangling 'and' at position 10: 'AND'",
                "name eq a and and count eq 1|expected field name at position 14: 'and'",
                "and name eq a|expected field name at position 0: 'and'",
                "(name eq a)|expected field name at position 0: '('",
                "name eq a or count eq 1|expected 'and' at position 10: 'or'",
                "name eq a count eq 1|expected 'and' at position 10: 'count'",
                "name eq a, count eq 1|expected 'and' at position 9: ','",
                "nme eq a|unknown field at position 0: 'nme'",
                "NAME eq a|unknown field at position 0: 'NAME'",
                "keychain eq a|unknown field at position 0: 'keychain'",
                "name eq a and notes eq b|field not filterable at position 14: 'notes'",
                "'name' eq a|expected field name at position 0: ''name''",
                "count like 1%|operator not supported on integer field 'count' at position 6: 'like'",
                "score ilike 1|operator not supported on number field 'score' at position 6: 'ilike'",
                "active gt true|operator not supported on boolean field 'active' at position 7: 'gt'",
                "name bit 1|operator not supported on string field 'name' at position 5: 'bit'",
                "count bit 1|operator not supported on integer field 'count' at position 6: 'bit'",
                "capabilities like 1|operator not supported on bitmask field 'capabilities' at position 13: 'like'",
                "count gt null|null not allowed with 'gt' at position 9: 'null'",
                "name like null|null not allowed with 'like' at position 10: 'null'",
                "capabilities bit null|null not allowed with 'bit' at position 17: 'null'"})
        void malformedFiltersNameTheTokenAndItsPosition(String filter, String message) {
            assertThat(error(filter)).isEqualTo(message);
        }

        @Test
        void theFirstProblemIsReported() {
            assertThat(error("nme eq \"unterminated")).isEqualTo("unknown field at position 0: 'nme'");
        }

        @Test
        void longTokensAreCutInTheMessage() {
            String word = "x".repeat(100);
            assertThat(error("name " + word)).isEqualTo("unknown operator at position 5: '" + "x".repeat(40) + "...'");
        }

        @Test
        void overlongFiltersAreRejected() {
            String filter = "name eq " + "a".repeat(FilterParser.MAX_LENGTH);
            assertThat(error(filter)).startsWith("filter longer than 4096 characters at position 4096: 'aaaa");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"", "'", "(", ")", ",", "and", "eq", "\\", "name eq '\\", "name in ((a))"})
        void fragmentsAreErrorsNotCrashes(String filter) {
            assertThat(error(filter)).matches("(?s).+ at position \\d+: '.*'");
        }
    }
}
