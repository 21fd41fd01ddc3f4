package io.qbauth.adapter.transport.jdk;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what {@code HttpClient.sendAsync} fails with into a {@link TransportException}. The message names the method
 * and the path of the request (no query, no header value, no body) and what happened; the JDK exception is kept as
 * the cause, since the JDK never puts request headers or bodies into its messages. What is common to every
 * transport comes from {@link TransportSupport}; this class adds the JDK client's own exceptions.
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
        return TransportSupport.failure(request, kind, what(kind, cause), cause);
    }

    private static Kind kindOf(Throwable cause) {
        return switch (cause) {
            case LimitedBodyHandler.ResponseTooLargeException tooLarge -> Kind.RESPONSE_TOO_LARGE;
            case HttpConnectTimeoutException connectTimeout -> Kind.CONNECT;
            case HttpTimeoutException timeout -> Kind.TIMEOUT;
            case SSLHandshakeException handshake -> Kind.CONNECT;
            default -> TransportSupport.kindOf(cause);
        };
    }

    private static String what(Kind kind, Throwable cause) {
        return switch (cause) {
            case LimitedBodyHandler.ResponseTooLargeException tooLarge -> tooLarge.getMessage();
            case HttpConnectTimeoutException connectTimeout -> "connect timed out";
            case SSLHandshakeException handshake -> "TLS handshake failed";
            default -> TransportSupport.whatHappened(kind, cause);
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        // the JDK reports a failed body subscriber as an IOException wrapping its cause
        if (cause instanceof IOException && cause.getCause() instanceof LimitedBodyHandler.ResponseTooLargeException
                tooLarge) {
            return tooLarge;
        }
        return cause;
    }
}
