package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.conference.common.query.TestSchemas.field;
import static org.conference.common.query.TestSchemas.params;

import java.util.List;
import java.util.Map;

import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;

class ListQueryTest {

    static ListQuery from(String... nameValuePairs) {
        return ListQuery.from(params(nameValuePairs), TestSchemas.ROOMS);
    }

    static ApiException error(String... nameValuePairs) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> from(nameValuePairs));
        assertThat(e).as("error for %s", List.of(nameValuePairs)).isNotNull();
        return e;
    }

    static FieldError onlyError(ApiException e) {
        assertThat(e.body().errors()).hasSize(1);
        return e.body().errors().get(0);
    }

    @Test
    void defaultsAreTheFirstTenInIdOrder() {
        ListQuery query = from();
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.offset()).isZero();
        assertThat(query.order()).isEqualTo(new SortOrder(field("id"), false));
        assertThat(query.filter()).isEqualTo(Filter.NONE);
        assertThat(query.fields()).isEqualTo(FieldSelection.ALL);
        assertThat(query).isEqualTo(ListQuery.of(TestSchemas.ROOMS));
    }

    @Test
    void readsEveryParameter() {
        ListQuery query = from("limit", "1000", "offset", "20", "order", "name desc", "filter", "count gt 1",
                "include_fields", "name,count", "exclude_fields", "count");
        assertThat(query.limit()).isEqualTo(1000);
        assertThat(query.offset()).isEqualTo(20);
        assertThat(query.order()).isEqualTo(new SortOrder(field("name"), true));
        assertThat(query.filter().conditions()).containsExactly(new Condition.Compare(field("count"), Operator.GT, 1L));
        assertThat(query.fields().include()).containsExactly("name", "count");
        assertThat(query.fields().exclude()).containsExactly("count");
    }

    @Test
    void acceptsSpringsMultiValueMap() {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("limit", "5");
        params.add("filter", "name eq a");
        ListQuery query = ListQuery.from(params, TestSchemas.ROOMS);
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.filter().conditions()).hasSize(1);
    }

    @Test
    void limitAboveOneThousandIsA422NamingLimit() {
        ApiException e = error("limit", "1001");
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(onlyError(e)).isEqualTo(FieldError.of("limit", "limit must not exceed 1000"));
        assertThat(onlyError(error("limit", "99999999999999999999999")).message())
                .isEqualTo("limit must not exceed 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "10 ", "1e3", "0x10", "-99999999999999999999"})
    void limitThatIsNotAPositiveIntegerIsA422NamingLimit(String limit) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> ListQuery.from(Map.of("limit", List.of(limit.equals("10 ") ? "1 0" : limit)), TestSchemas.ROOMS));
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(onlyError(e)).isEqualTo(FieldError.of("limit", "limit must be an integer between 1 and 1000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "2.0", "2147483648", "99999999999999999999"})
    void badOffsetIsA422NamingOffset(String offset) {
        ApiException e = error("offset", offset);
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(onlyError(e))
                .isEqualTo(FieldError.of("offset", "offset must be an integer between 0 and 2147483647"));
    }

    @Test
    void emptyParametersTakeTheirDefaults() {
        assertThat(from("limit", "", "offset", " ", "order", "", "filter", "", "include_fields", ""))
                .isEqualTo(ListQuery.of(TestSchemas.ROOMS));
        assertThat(from("limit", " 7 ").limit()).isEqualTo(7);
    }

    @Test
    void orderTakesAFieldAndAnOptionalDirection() {
        assertThat(from("order", "name").order()).isEqualTo(new SortOrder(field("name"), false));
        assertThat(from("order", "name asc").order()).isEqualTo(new SortOrder(field("name"), false));
        assertThat(from("order", "  name   DESC ").order()).isEqualTo(new SortOrder(field("name"), true));
        assertThat(from("order", "callback.url desc").order().field().path()).isEqualTo("callback.url");
    }

    @Test
    void badOrderIsA400NamingOrder() {
        assertThat(onlyError(error("order", "nme"))).isEqualTo(FieldError.of("order", "unknown field: 'nme'"));
        assertThat(onlyError(error("order", "tags desc")))
                .isEqualTo(FieldError.of("order", "field not sortable: 'tags'"));
        assertThat(onlyError(error("order", "name up")).message())
                .isEqualTo("expected 'field', 'field asc' or 'field desc': 'name up'");
        assertThat(onlyError(error("order", "name asc name")).field()).isEqualTo("order");
        assertThat(error("order", "nme").status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error("order", "nme").body().message()).isEqualTo("invalid order");
    }

    @Test
    void repeatedFiltersMustAllHold() {
        ListQuery query = from("filter", "count gt 1", "filter", "name eq a");
        assertThat(query.filter().conditions()).containsExactly(
                new Condition.Compare(field("count"), Operator.GT, 1L),
                new Condition.Compare(field("name"), Operator.EQ, "a"));
    }

    @Test
    void repeatedPaginationParametersAreRejected() {
        ApiException e = error("limit", "5", "limit", "6");
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(onlyError(e)).isEqualTo(FieldError.of("limit", "limit given more than once"));
        assertThat(onlyError(error("order", "name", "order", "id")).field()).isEqualTo("order");
    }

    @Test
    void aBadFilterFailsTheWholeQuery() {
        assertThat(onlyError(error("limit", "5", "filter", "name eq")).message())
                .isEqualTo("missing value at position 7: ''");
    }

    @Test
    void sortingAlwaysEndsWithTheIdAscending() {
        assertThat(from("order", "name desc").sortKeys())
                .containsExactly(new SortOrder(field("name"), true), new SortOrder(field("id"), false));
        assertThat(from("order", "id desc").sortKeys()).containsExactly(new SortOrder(field("id"), true));
        assertThat(from().sortKeys()).containsExactly(new SortOrder(field("id"), false));
    }
}
