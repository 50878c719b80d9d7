package org.conference.common.api;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns every failure of a request into the reference's error body, so that all services answer alike. Registered
 * ahead of Boot's own handler. Unexpected failures are logged with a correlation id; the client sees only the id.
 * What Reactor Netty refuses before a request reaches Spring is answered by {@link DecoderFailureBodies} instead.
 */
public class ApiErrorWebExceptionHandler implements WebExceptionHandler {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String MALFORMED_JSON = "cannot parse json. Check json for validity";

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);

    private final ObjectMapper json;
    private final long bufferLimitBytes;

    /**
     * @param bufferLimitBytes the codecs' in-memory limit ({@code spring.http.codecs.max-in-memory-size}), which is
     *     what refuses a JSON body that is too large, so the 413 can name it
     */
    public ApiErrorWebExceptionHandler(ObjectMapper json, long bufferLimitBytes) {
        this.json = json;
        this.bufferLimitBytes = bufferLimitBytes;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ApiException answer = toApiException(exchange, failure);
        var response = exchange.getResponse();
        response.setStatusCode(answer.status());
        if (failure instanceof ErrorResponse spring) {
            // Allow on a 405, Accept on a 415: what the client needs to send a request that works.
            response.getHeaders().addAll(spring.getHeaders());
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (answer.status() == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"conference\"");
        }
        byte[] body = json.writeValueAsBytes(answer.body());
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    ApiException toApiException(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return ApiException.payloadTooLarge(bufferLimitBytes);
        }
        if (failure instanceof ErrorResponse spring) {
            ApiException answer = fromSpring(exchange, spring);
            if (answer != null) {
                return answer;
            }
        }
        return unexpected(exchange, failure);
    }

    /** Spring's own refusals (404, 405, 406, 415, bad input, ResponseStatusException); null for its 500s. */
    private static ApiException fromSpring(ServerWebExchange exchange, ErrorResponse failure) {
        if (failure instanceof WebExchangeBindException bind) {
            return ValidationErrors.of(bind);
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return simple(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
        }
        if (failure instanceof ServerWebInputException input && ValidationErrors.wrongType(input).isPresent()) {
            return ValidationErrors.wrongType(input).get();
        }
        if (failure instanceof ServerWebInputException input) {
            if (isMalformedBody(input)) {
                return new ApiException(HttpStatus.BAD_REQUEST, new ApiError(MALFORMED_JSON, null));
            }
            String field = input.getMethodParameter() != null ? input.getMethodParameter().getParameterName() : null;
            return ApiException.badRequest("bad request", FieldError.of(field, input.getReason()));
        }
        if (failure instanceof MethodNotAllowedException) {
            return simple(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed");
        }
        if (failure instanceof NotAcceptableStatusException) {
            return simple(HttpStatus.NOT_ACCEPTABLE, "not acceptable");
        }
        HttpStatusCode status = failure.getStatusCode();
        if (status.is4xxClientError()) {
            return fromStatus(status, failure instanceof ResponseStatusException rse ? rse.getReason() : null);
        }
        if (status.is5xxServerError() && status.value() != HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            // A deliberate 503 or 504 keeps its status (a client may retry it); its reason is for the log only.
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), failure.getBody().getDetail());
            return fromStatus(status, null);
        }
        return null;
    }

    private static boolean isMalformedBody(ServerWebInputException input) {
        return causedBy(input.getCause(), DecodingException.class)
                || causedBy(input.getCause(), JacksonException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ApiException fromStatus(HttpStatusCode code, String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == HttpStatus.NOT_FOUND) {
            return new ApiException(status,
                    ApiError.of("no item error", new FieldError(null, "cannot find resource", null)));
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE && reason == null) {
            return simple(status, "request body too large");
        }
        if (status == null) {
            status = code.is5xxServerError() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        String message = reason != null ? reason : status.getReasonPhrase().toLowerCase(Locale.ROOT);
        return simple(status, message);
    }

    private static ApiException simple(HttpStatus status, String message) {
        return new ApiException(status, ApiError.of(message, FieldError.cause(message)));
    }

    private static ApiException unexpected(ServerWebExchange exchange, Throwable failure) {
        String correlationId = exchange.getRequest().getHeaders().getFirst(REQUEST_ID_HEADER);
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = UUID.randomUUID().toString();
        }
        log.error("Unexpected failure of {} {} [correlation id {}]", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), correlationId, failure);
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal server error",
                List.of(new FieldError("cause", "unexpected error, quote the reference when reporting it",
                        correlationId))));
    }
}
