package io.qbauth.adapter.transport.jdk;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.spi.TransportRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what {@code HttpClient.sendAsync} fails with into a {@link TransportException}. The message names the method
 * and the path of the request (no query, no header value, no body) and what happened; the JDK exception is kept as
 * the cause, since the JDK never puts request headers or bodies into its messages.
 */
final class FailureMapper {

    private FailureMapper() {
    }

    static TransportException map(TransportRequest request, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportException known) {
            return known;
        }
        Kind kind = kindOf(cause);
        return new TransportException(kind, describe(request) + ": " + what(kind, cause), cause);
    }

    /** A failure for a request that was never handed to the client. */
    static TransportException notSent(TransportRequest request, String reason) {
        return new TransportException(Kind.CONNECT, describe(request) + ": " + reason, null);
    }

    /** {@code GET /session.json}: the method and the raw path, never the query. */
    static String describe(TransportRequest request) {
        String path = request.uri().getRawPath();
        return request.method() + " " + (path == null || path.isEmpty() ? "/" : path);
    }

    private static Kind kindOf(Throwable cause) {
        return switch (cause) {
            case LimitedBodyHandler.ResponseTooLargeException tooLarge -> Kind.RESPONSE_TOO_LARGE;
            case HttpConnectTimeoutException connectTimeout -> Kind.CONNECT;
            case HttpTimeoutException timeout -> Kind.TIMEOUT;
            case TimeoutException timeout -> Kind.TIMEOUT;
            case ConnectException refused -> Kind.CONNECT;
            case UnknownHostException unknownHost -> Kind.CONNECT;
            case NoRouteToHostException noRoute -> Kind.CONNECT;
            case UnresolvedAddressException unresolved -> Kind.CONNECT;
            case SSLHandshakeException handshake -> Kind.CONNECT;
            default -> Kind.IO;
        };
    }

    private static String what(Kind kind, Throwable cause) {
        return switch (kind) {
            case RESPONSE_TOO_LARGE -> cause.getMessage();
            case TIMEOUT -> "no complete reply within the request timeout";
            case CONNECT -> cause instanceof HttpConnectTimeoutException ? "connect timed out"
                    : cause instanceof SSLHandshakeException ? "TLS handshake failed"
                    : "connection could not be established";
            case IO -> cause instanceof CancellationException ? "exchange was cancelled"
                    : cause instanceof IOException ? "connection failed during the exchange"
                    : "exchange failed (" + cause.getClass().getSimpleName() + ")";
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // the JDK reports a failed body subscriber as an IOException wrapping its cause
        if (cause instanceof IOException && cause.getCause() instanceof LimitedBodyHandler.ResponseTooLargeException
                tooLarge) {
            return tooLarge;
        }
        return cause;
    }
}
