package org.conference.common.api;

import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import tools.jackson.databind.ObjectMapper;

/**
 * The reference's error body for the requests Reactor Netty refuses before Spring sees them: a request line over
 * {@code server.netty.max-initial-line-length} (414), headers over {@code server.max-http-request-header-size} (431),
 * anything that does not parse as HTTP/1.1, such as a header name with a space in it (400). Reactor Netty answers
 * those itself, with an empty body, from a code path no Spring hook reaches; so {@link #newHandler()} gives each
 * connection a handler that sits right behind the HTTP codec, notes the decoder's failure on the way in and fills
 * the empty answer on its way out. The bodies are the same for every such request, so they are serialised once.
 */
public final class DecoderFailureBodies {

    /** The handler's name in each connection's pipeline. */
    public static final String HANDLER_NAME = "conference.decoderFailureBodies";

    private final Map<Integer, byte[]> bodyByStatus;

    public DecoderFailureBodies(ObjectMapper json, long maxRequestLineBytes, long maxHeaderBytes) {
        this.bodyByStatus = Map.of(
                HttpResponseStatus.REQUEST_URI_TOO_LONG.code(), body(json, "request uri too long",
                        "the request line may be at most " + BodySizes.describe(maxRequestLineBytes)),
                HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code(), body(json,
                        "request header fields too large",
                        "the request headers may be at most " + BodySizes.describe(maxHeaderBytes)),
                HttpResponseStatus.BAD_REQUEST.code(), body(json, "bad request",
                        "the request is not valid HTTP/1.1"));
    }

    private static byte[] body(ObjectMapper json, String message, String detail) {
        return json.writeValueAsBytes(ApiError.of(message, FieldError.cause(detail)));
    }

    /** A handler for one connection (it remembers whether that connection's decoder failed). */
    public ChannelHandler newHandler() {
        return new Handler(bodyByStatus);
    }

    private static final class Handler extends ChannelDuplexHandler {

        private final Map<Integer, byte[]> bodyByStatus;
        private boolean decodingFailed;

        Handler(Map<Integer, byte[]> bodyByStatus) {
            this.bodyByStatus = bodyByStatus;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
                decodingFailed = true;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            byte[] body = decodingFailed && msg instanceof FullHttpResponse response && isEmptyRefusal(response)
                    ? bodyByStatus.get(response.status().code())
                    : null;
            if (body == null) {
                ctx.write(msg, promise);
                return;
            }
            FullHttpResponse refusal = (FullHttpResponse) msg;
            FullHttpResponse withBody = new DefaultFullHttpResponse(refusal.protocolVersion(), refusal.status(),
                    Unpooled.wrappedBuffer(body), refusal.headers().copy(), refusal.trailingHeaders().copy());
            withBody.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            refusal.release();
            ctx.write(withBody, promise);
        }

        /**
         * Reactor Netty's own refusal: complete, empty, {@code Content-Length: 0}. Spring's answers always carry a
         * body (and a request that failed to decode never reaches Spring), so nothing of the application's matches.
         */
        private static boolean isEmptyRefusal(FullHttpResponse response) {
            return response.content().readableBytes() == 0
                    && "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        }
    }
}
