package org.conference.common.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Keeps an HTTP/1.1 keep-alive connection reading once a response has gone out. Reactor Netty 1.3.6 loses the read
 * of a connection when a request that arrived before the previous one's operations had ended (a client that sends
 * its next request as soon as it has the answer does that, and so does a pipelining one) is then answered at once,
 * without leaving the event loop, as a 404 from memory is: the connection is never read again, and the client's next
 * request on it waits for an answer until the client gives up. That is reactor/reactor-netty#4361, fixed in 1.3.8,
 * which needs a Netty newer than the platform's; once the platform runs a fixed version this handler is redundant.
 * <p>
 * So this handler, which sits right behind the HTTP codec, asks for the next read whenever the last part of a
 * response has been written. A read asked for twice is one read, so the connections Reactor Netty handles right get
 * nothing they would not have had; and nothing of a request is still unread then that Reactor Netty would not read
 * and drop anyway.
 */
@ChannelHandler.Sharable
public final class KeepAliveReads extends ChannelDuplexHandler {

    /** The handler's name in each connection's pipeline. */
    public static final String HANDLER_NAME = "conference.keepAliveReads";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof LastHttpContent) || isInterim(msg)) {
            ctx.write(msg, promise);
            return;
        }
        ctx.write(msg, promise.unvoid()).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && written.channel().isActive()) {
                ctx.read();
            }
        });
    }

    /** A {@code 100 Continue} is a whole message too, but the request it answers is still being read. */
    private static boolean isInterim(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }
}
