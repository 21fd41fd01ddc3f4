package io.qbauth.adapter.transport.jdk;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what {@code HttpClient.send} fails with into a {@link TransportException}. The message names the method
 * and the path of the request (no query, no header value, no body) and what happened; the JDK exception is kept as
 * the cause, since the JDK never puts request headers or bodies into its messages. What is common to every
 * transport comes from {@link TransportSupport}; this class adds the JDK client's own exceptions.
 */
final class FailureMapper {

    /**
     * The exceptions {@code send} rethrows the exchange's failure as: a new one of (about) the same type with the
     * original as its cause. Only an {@code HttpTimeoutException} comes without it, being of the original's type.
     */
    private static final Set<Class<? extends Throwable>> RETHROWN_BY_SEND = Set.of(IOException.class,
            IllegalArgumentException.class, SecurityException.class, HttpConnectTimeoutException.class,
            ConnectException.class, SSLHandshakeException.class, SSLException.class, ProtocolException.class);

    private FailureMapper() {
    }

    /**
     * Maps what the blocking {@code send} threw: the original failure it carries as its cause, as {@code sendAsync}
     * would have completed with it. An {@code IllegalArgumentException} or {@code IllegalStateException} without a
     * cause is the client refusing the request before sending anything.
     */
    static TransportException mapSendFailure(TransportRequest request, Throwable thrown) {
        if ((thrown instanceof IllegalArgumentException || thrown instanceof IllegalStateException)
                && thrown.getCause() == null) {
            return TransportSupport.notSent(request, "the HTTP client refused it");
        }
        boolean rethrown = thrown.getCause() != null && RETHROWN_BY_SEND.contains(thrown.getClass());
        return map(request, rethrown ? thrown.getCause() : thrown);
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
            case SendOnceBody.ResendRefusedException resendRefused -> Kind.IO;
            case HttpConnectTimeoutException connectTimeout -> Kind.CONNECT;
            case HttpTimeoutException timeout -> Kind.TIMEOUT;
            case SSLHandshakeException handshake -> Kind.CONNECT;
            default -> TransportSupport.kindOf(cause);
        };
    }

    private static String what(Kind kind, Throwable cause) {
        return switch (cause) {
            case LimitedBodyHandler.ResponseTooLargeException tooLarge -> tooLarge.getMessage();
            case SendOnceBody.ResendRefusedException resendRefused -> "connection closed before the reply";
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
