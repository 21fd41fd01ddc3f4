package io.qbauth.adapter.transport.vertx;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import javax.net.ssl.SSLException;

/**
 * Turns what Vert.x fails an exchange with into a {@link TransportException}. The message names the method and the
 * path of the request (no query, no header value, no body) and what happened; the Vert.x exception is kept as the
 * cause (its messages name the host and port, never request headers or bodies). What is common to every transport
 * comes from {@link TransportSupport}; this class adds what Vert.x and Netty fail with.
 */
final class FailureMapper {

    private FailureMapper() {
    }

    static TransportException map(TransportRequest request, Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        if (cause instanceof TransportException known) {
            return known;
        }
        Kind kind = kindOf(cause);
        return TransportSupport.failure(request, kind, what(kind, cause), cause);
    }

    /**
     * A failure to obtain a connection for the request (it was never sent): a timeout stays {@code TIMEOUT}, anything
     * else (refused, DNS, TLS, the client closing) is {@code CONNECT}.
     */
    static TransportException mapNotSent(TransportRequest request, Throwable failure) {
        TransportException mapped = map(request, failure);
        return mapped.kind() != Kind.IO ? mapped
                : TransportSupport.failure(request, Kind.CONNECT, "connection could not be established",
                        mapped.getCause());
    }

    /** The whole exchange did not finish within the request's timeout. */
    static TransportException timedOut(TransportRequest request) {
        return TransportSupport.failure(request, Kind.TIMEOUT, "no complete reply within "
                + request.timeout().toMillis() + " ms", null);
    }

    /** An interim (1xx) reply reached the exchange as if it were the final one. */
    static TransportException interimTakenAsFinal(TransportRequest request, int status) {
        return TransportSupport.failure(request, Kind.IO, "interim reply " + status
                + " where the final reply was expected; the connection was closed", null);
    }

    /** The reply announced or delivered more than {@code maxBytes} of body. */
    static TransportException tooLarge(TransportRequest request, int maxBytes) {
        return TransportSupport.failure(request, Kind.RESPONSE_TOO_LARGE, "reply body exceeds " + maxBytes + " bytes",
                null);
    }

    private static Kind kindOf(Throwable cause) {
        return causedBy(cause, SSLException.class) ? Kind.CONNECT : TransportSupport.kindOf(cause);
    }

    private static String what(Kind kind, Throwable cause) {
        if (kind == Kind.CONNECT && causedBy(cause, SSLException.class)) {
            return "TLS handshake failed";
        }
        if (kind == Kind.IO && (cause instanceof HttpClosedException || cause instanceof StreamResetException)) {
            return "connection failed during the exchange";
        }
        return TransportSupport.whatHappened(kind, cause);
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
