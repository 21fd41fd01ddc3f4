package io.qbauth.adapter.transport.vertx;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.spi.TransportRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what Vert.x fails an exchange with into a {@link TransportException}. The message names the method and the
 * path of the request (no query, no header value, no body) and what happened; the Vert.x exception is kept as the
 * cause (its messages name the host and port, never request headers or bodies).
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static TransportException map(TransportRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TransportException known) {
            return known;
        }
        Kind kind = kindOf(cause);
        return new TransportException(kind, describe(request) + ": " + what(kind, cause), cause);
    }

    /**
     * A failure to obtain a connection for the request (it was never sent): a timeout stays {@code TIMEOUT}, anything
     * else (refused, DNS, TLS, the client closing) is {@code CONNECT}.
     */
    static TransportException mapNotSent(TransportRequest request, Throwable failure) {
        TransportException mapped = map(request, failure);
        return mapped.kind() != Kind.IO ? mapped
                : new TransportException(Kind.CONNECT, describe(request) + ": connection could not be established",
                        mapped.getCause());
    }

    /** A failure for a request that was never handed to the client. */
    static TransportException notSent(TransportRequest request, String reason) {
        return new TransportException(Kind.CONNECT, describe(request) + ": " + reason, null);
    }

    /** The whole exchange did not finish within the request's timeout. */
    static TransportException timedOut(TransportRequest request) {
        return new TransportException(Kind.TIMEOUT, describe(request) + ": no complete reply within "
                + request.timeout().toMillis() + " ms", null);
    }

    /** The reply announced or delivered more than {@code maxBytes} of body. */
    static TransportException tooLarge(TransportRequest request, int maxBytes) {
        return new TransportException(Kind.RESPONSE_TOO_LARGE, describe(request) + ": reply body exceeds "
                + maxBytes + " bytes", null);
    }

    /** {@code GET /session.json}: the method and the raw path, never the query. */
    static String describe(TransportRequest request) {
        String path = request.uri().getRawPath();
        return request.method() + " " + (path == null || path.isEmpty() ? "/" : path);
    }

    private static Kind kindOf(Throwable cause) {
        if (causedBy(cause, SSLException.class)) {
            return Kind.CONNECT;
        }
        return switch (cause) {
            case TimeoutException timeout -> Kind.TIMEOUT;
            case ConnectException refusedOrConnectTimeout -> Kind.CONNECT;
            case UnknownHostException unknownHost -> Kind.CONNECT;
            case NoRouteToHostException noRoute -> Kind.CONNECT;
            case UnresolvedAddressException unresolved -> Kind.CONNECT;
            default -> Kind.IO;
        };
    }

    private static String what(Kind kind, Throwable cause) {
        return switch (kind) {
            case RESPONSE_TOO_LARGE -> "reply body too large";
            case TIMEOUT -> "no complete reply within the request timeout";
            case CONNECT -> causedBy(cause, SSLException.class) ? "TLS handshake failed"
                    : "connection could not be established";
            case IO -> cause instanceof CancellationException ? "exchange was cancelled"
                    : cause instanceof HttpClosedException || cause instanceof StreamResetException
                            || cause instanceof IOException ? "connection failed during the exchange"
                    : "exchange failed (" + cause.getClass().getSimpleName() + ")";
        };
    }

    /** TLS failures reach us bare or wrapped by Netty's decoder, so look along the cause chain. */
    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 8; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
