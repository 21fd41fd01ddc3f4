package io.qbauth.spi;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * What every {@link AuthTransport} does alike, whatever HTTP client it runs on: which request headers it must leave
 * to its client, when a reply has no body, and how it reports a failure without leaking a secret.
 *
 * <p>Failure messages built here name the request by {@link TransportRequest#describe()} only (method and path):
 * never a query, a header value (the session token) or a body (passwords).
 */
public final class TransportSupport {

    /**
     * Lower-case names of the request headers a transport never forwards: framing, hop-by-hop and {@code Host}, which
     * its HTTP client sets itself (the JDK's client rejects several of them outright).
     */
    public static final Set<String> CLIENT_MANAGED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding");

    /** The header a transport adds, with its configured value, to a request that has none. */
    public static final String USER_AGENT = "User-Agent";

    private static final System.Logger LOG = System.getLogger(TransportSupport.class.getName());
    /** The same names, looked up in any case without lower-casing a copy of the name on every request. */
    private static final Set<String> CLIENT_MANAGED_ANY_CASE = caseInsensitive(CLIENT_MANAGED_HEADERS);

    private TransportSupport() {
    }

    /** Whether {@code headerName} (any case) is one of the {@link #CLIENT_MANAGED_HEADERS}. */
    public static boolean isClientManaged(String headerName) {
        return CLIENT_MANAGED_ANY_CASE.contains(headerName);
    }

    /**
     * Hands {@code sink} the headers to send for {@code request}, in the request's order: each header with all its
     * values, except the {@linkplain #CLIENT_MANAGED_HEADERS client-managed} ones, which are dropped (logged at DEBUG,
     * by name only); then {@code User-Agent: defaultUserAgent} when the request has no {@code User-Agent} value.
     *
     * @param sink receives a header name and its values; may throw to refuse the request
     */
    public static void forEachHeaderToSend(TransportRequest request, String defaultUserAgent,
                                           BiConsumer<String, List<String>> sink) {
        Objects.requireNonNull(defaultUserAgent, "defaultUserAgent");
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (isClientManaged(name)) {
                LOG.log(System.Logger.Level.DEBUG, "dropping header {0}: the HTTP client manages it", name);
                continue;
            }
            sink.accept(name, header.getValue());
        }
        if (request.header(USER_AGENT).isEmpty()) {
            sink.accept(USER_AGENT, List.of(defaultUserAgent));
        }
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return Collections.unmodifiableSet(set);
    }

    /**
     * Whether a body follows the head of a reply: never to {@code HEAD}, nor with status 204 or 304, whatever
     * {@code Content-Length} they announce (RFC 9110 §6.4.1).
     */
    public static boolean replyHasBody(String requestMethod, int status) {
        return !"HEAD".equals(requestMethod) && status != 204 && status != 304;
    }

    /** The exception a transport fails an exchange with: the message is {@code "GET /path: " + what}. */
    public static TransportException failure(TransportRequest request, Kind kind, String what, Throwable cause) {
        return new TransportException(kind, request.describe() + ": " + what, cause);
    }

    /** A {@link Kind#CONNECT} failure for a request that was never handed to the HTTP client. */
    public static TransportException notSent(TransportRequest request, String reason) {
        return failure(request, Kind.CONNECT, reason, null);
    }

    /** {@code failure} without its {@link CompletionException} and {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The kind of the JDK's own network failures, for what a transport does not classify itself: a
     * {@link TimeoutException} is {@link Kind#TIMEOUT}; a refused connection, an unknown or unresolved host and no
     * route to it are {@link Kind#CONNECT}; anything else is {@link Kind#IO}.
     */
    public static Kind kindOf(Throwable cause) {
        return switch (cause) {
            case TimeoutException timeout -> Kind.TIMEOUT;
            case ConnectException refused -> Kind.CONNECT;
            case UnknownHostException unknownHost -> Kind.CONNECT;
            case NoRouteToHostException noRoute -> Kind.CONNECT;
            case UnresolvedAddressException unresolved -> Kind.CONNECT;
            default -> Kind.IO;
        };
    }

    /**
     * The standard words for what happened, for a failure's message: they name the kind of problem and, for an
     * unexpected exception, its simple class name; never its message, which may quote what was sent.
     */
    public static String whatHappened(Kind kind, Throwable cause) {
        return switch (kind) {
            case RESPONSE_TOO_LARGE -> "reply body too large";
            case TIMEOUT -> "no complete reply within the request timeout";
            case CONNECT -> "connection could not be established";
            case IO -> cause instanceof CancellationException ? "exchange was cancelled"
                    : cause instanceof IOException ? "connection failed during the exchange"
                    : "exchange failed (" + cause.getClass().getSimpleName() + ")";
        };
    }
}
