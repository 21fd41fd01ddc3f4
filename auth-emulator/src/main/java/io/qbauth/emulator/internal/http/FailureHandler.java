package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.internal.auth.AuthenticationFailure;
import io.qbauth.emulator.internal.http.connections.ConnectionWatch;
import io.qbauth.emulator.internal.http.faults.FaultInjector;
import io.qbauth.emulator.internal.http.faults.InjectedRefusal;
import io.qbauth.emulator.internal.http.rendering.ApiException;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.UnreadableRequestBody;
import io.qbauth.emulator.internal.params.MalformedRequestException;
import io.qbauth.emulator.internal.state.SessionLimitExceeded;
import io.qbauth.emulator.internal.state.ValidationFailure;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;

/**
 * Turns every failure of a route into a QuickBlox-shaped reply: the emulator's own exceptions map to their
 * documented replies, bare 4xx statuses from Vert.x (body too large, undecodable form) to the matching JSON
 * error, and anything unexpected to 400 {@code {"errors":["Bad Request"]}} with a warning in the log (exception
 * class and path only: messages may quote input). Never a 5xx, never a stack trace on the wire.
 *
 * <p>Two failures are the client's, not unexpected: the connection closed under the request (nothing to answer), and
 * a request body the HTTP decoder could not read (a malformed chunk, say: 400, then the connection is closed, since
 * its framing can no longer be trusted). Both are logged at DEBUG only.
 *
 * <p>Any error answered while the request body is still arriving (a body over the limit, say) closes the connection
 * once the reply is written: the rest of the body is never read or drained.
 */
final class FailureHandler implements Handler<RoutingContext> {

    private static final System.Logger LOG = System.getLogger(FailureHandler.class.getName());

    private final ReplyWriter replies;
    private final ConnectionWatch connections;
    private final FaultInjector faults;

    FailureHandler(ReplyWriter replies, ConnectionWatch connections, FaultInjector faults) {
        this.replies = replies;
        this.connections = connections;
        this.faults = faults;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.failure() instanceof InjectedRefusal refusal && !ctx.response().headWritten()) {
            faults.refuse(ctx, refusal.fault());
            return;
        }
        if (ctx.failure() instanceof HttpClosedException || ctx.response().closed()) {
            LOG.log(Level.DEBUG, "connection closed during {0} {1}", ctx.request().method(), ctx.request().path());
            return;
        }
        if (isBrokenRequestBody(ctx)) {
            Throwable failure = ctx.failure();
            LOG.log(Level.DEBUG, "unreadable request body on {0} {1}: {2}", ctx.request().method(),
                    ctx.request().path(), failure instanceof UnreadableRequestBody
                            ? failure.getMessage() : failure.getClass().getName());
            if (ctx.response().headWritten()) {
                ctx.request().connection().close();
            } else {
                replies.error(ctx.response(), ErrorReply.BAD_REQUEST)
                        .onComplete(done -> ctx.request().connection().close());
            }
            return;
        }
        ErrorReply reply = replyFor(ctx.failure(), ctx.statusCode(), ctx);
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        if (!ctx.request().isEnded()) {
            ctx.request().pause();
            connections.closeAfterReply(ctx);
        }
        replies.error(ctx, reply);
    }

    /** An unexpected failure while the request body was still being read: the decoder gave up on it. */
    private static boolean isBrokenRequestBody(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof UnreadableRequestBody) {
            return true;
        }
        return failure != null && !ctx.request().isEnded() && !(failure instanceof ApiException)
                && !(failure instanceof ValidationFailure) && !(failure instanceof MalformedRequestException)
                && !(failure instanceof AuthenticationFailure) && !(failure instanceof SessionLimitExceeded)
                && ctx.statusCode() < 400;
    }

    private static ErrorReply replyFor(Throwable failure, int status, RoutingContext ctx) {
        return switch (failure) {
            case ApiException api -> api.reply();
            case ValidationFailure invalid -> ErrorReply.fields(422, invalid.errors());
            case MalformedRequestException malformed -> ErrorReply.base(400, malformed.getMessage());
            case SessionLimitExceeded full -> ErrorReply.TOO_MANY_SESSIONS;
            case AuthenticationFailure rejected -> {
                LOG.log(Level.DEBUG, "authentication failed: {0}", rejected.getMessage());
                yield ErrorReply.UNAUTHORIZED;
            }
            case null -> ErrorReply.forStatus(status);
            default -> {
                if (status >= 400 && status < 500) {
                    yield ErrorReply.forStatus(status);
                }
                LOG.log(Level.WARNING, "unexpected {0} on {1} {2}; answered 400",
                        failure.getClass().getName(), ctx.request().method(), ctx.request().path());
                LOG.log(Level.DEBUG, "unexpected failure", failure);
                yield ErrorReply.BAD_REQUEST;
            }
        };
    }
}
