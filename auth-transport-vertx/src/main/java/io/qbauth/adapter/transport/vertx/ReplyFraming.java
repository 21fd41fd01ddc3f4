package io.qbauth.adapter.transport.vertx;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps each HTTP/1.1 reply with the call it answers, where the Vert.x 5 client on its own does not:
 * <ul>
 *   <li><strong>Interim replies</strong> ({@code 1xx} but {@code 101}) are dropped before Vert.x sees them. Vert.x
 *       skips {@code 100} and {@code 103} but takes any other {@code 1xx} (e.g. {@code 102}, {@code 199}) as the final
 *       reply, ends the exchange there and pools the connection with the real reply unread, which the next call on
 *       it then reads as its own.</li>
 *   <li><strong>Bytes after the end of a reply</strong> that arrived with it (a body longer than its
 *       {@code Content-Length}, a second reply nobody asked for) make the connection unusable: the reply is delivered,
 *       marked {@code Connection: close} so that Vert.x closes the connection instead of pooling it, and what follows
 *       is discarded. Without this Vert.x hands the connection to a waiting call, which reads the stale bytes as its
 *       reply.</li>
 * </ul>
 * Two Netty handlers on each connection: {@link ReadEdge} before Vert.x's HTTP codec sees each read whole,
 * {@link Replies} after it sees the decoded reply parts; the end of a reply is held back until the read it came in has
 * been decoded to its last byte, so the guard knows whether anything followed it.
 *
 * <p>Vert.x gives no public access to a connection's Netty pipeline, so {@link #install} reaches it through the public
 * {@code channel()} method of Vert.x's connection class. That works on the class path; on the module path it needs
 * {@code --add-exports io.vertx.core/io.vertx.core.net.impl=io.qbauth.transport.vertx}. Without it the guard is not
 * installed (logged once as a warning) and {@link VertxExchange} still refuses an interim reply taken as final: it fails
 * the call and closes that connection.
 */
final class ReplyFraming {

    private static final System.Logger LOG = System.getLogger(ReplyFraming.class.getName());
    private static final String CODEC = "codec";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ReplyFraming() {
    }

    /** Adds the guard to the pipeline of an HTTP/1.1 {@code connection}; call from the Vert.x connect handler. */
    static void install(HttpConnection connection) {
        Channel channel = channelOf(connection);
        if (channel == null) {
            return;
        }
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(CODEC) == null || pipeline.get(Replies.class) != null) {
            return;
        }
        Replies replies = new Replies();
        pipeline.addBefore(CODEC, "qbauth-read-edge", new ReadEdge(replies));
        pipeline.addAfter(CODEC, "qbauth-replies", replies);
    }

    private static Channel channelOf(HttpConnection connection) {
        try {
            Method channel = connection.getClass().getMethod("channel");
            return channel.invoke(connection) instanceof Channel netty ? netty : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "interim (1xx) replies and bytes after a reply cannot be "
                        + "guarded on this connection: {0}. On the module path add --add-exports "
                        + "io.vertx.core/io.vertx.core.net.impl=io.qbauth.transport.vertx; until then an interim "
                        + "reply fails its call (IO) and closes the connection", e.toString());
            }
            return null;
        }
    }

    /** Sees every read before the codec, and tells {@link Replies} when the codec has decoded all of it. */
    static final class ReadEdge extends ChannelInboundHandlerAdapter {

        private final Replies replies;

        ReadEdge(Replies replies) {
            this.replies = replies;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf read)) {
                ctx.fireChannelRead(msg);
                return;
            }
            read.retain();
            try {
                ctx.fireChannelRead(read);
                // the codec decodes straight from the read when it has nothing buffered: unread bytes left in it are
                // the start of something after the last complete reply
                replies.readDecoded(read.isReadable());
            } finally {
                read.release();
            }
        }
    }

    /** Sees the decoded reply parts after the codec; confined to the connection's event loop. */
    static final class Replies extends ChannelInboundHandlerAdapter {

        private ChannelHandlerContext context;
        private HttpResponse head;
        private LastHttpContent heldEnd;
        private boolean skippingInterim;
        private boolean afterEnd;
        private boolean doomed;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            context = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof HttpObject)) {
                ctx.fireChannelRead(msg);
                return;
            }
            if (doomed || heldEnd != null) {
                // after a reply that ended in this same read, or on a connection already condemned: stale bytes
                afterEnd = heldEnd != null;
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpResponse response && isInterim(response.status().code())) {
                skippingInterim = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            if (skippingInterim) {
                skippingInterim = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpResponse response) {
                head = response;
            }
            if (msg instanceof LastHttpContent end) {
                heldEnd = end;
                return;
            }
            ctx.fireChannelRead(msg);
        }

        /** The read that was passed to the codec has been decoded; {@code unread} whether bytes are left over. */
        void readDecoded(boolean unread) {
            if (heldEnd == null) {
                return;
            }
            LastHttpContent end = heldEnd;
            heldEnd = null;
            if (unread || afterEnd) {
                doomed = true;
                if (head != null) {
                    head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                }
                LOG.log(System.Logger.Level.DEBUG, "bytes after the end of a reply: the connection will be closed");
            }
            head = null;
            afterEnd = false;
            context.fireChannelRead(end);
        }

        /** A reply delimited by the connection's close ends as the connection does: pass its end on first. */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            readDecoded(false);
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (heldEnd != null) {
                ReferenceCountUtil.release(heldEnd);
                heldEnd = null;
            }
        }

        private static boolean isInterim(int status) {
            return status >= 100 && status < 200 && status != 101;
        }
    }
}
