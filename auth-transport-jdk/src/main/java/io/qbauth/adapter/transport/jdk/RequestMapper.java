package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;

/**
 * Builds the JDK request for a {@link TransportRequest}: method, URI, body bytes and headers. The headers
 * every transport leaves to its HTTP client ({@link TransportSupport#CLIENT_MANAGED_HEADERS}: {@code Host},
 * {@code Connection}, {@code Content-Length}, {@code Expect}, {@code Upgrade} the JDK refuses, and the hop-by-hop
 * ones) are dropped, since the client sets them itself. A default {@code User-Agent} is added when the request has
 * none.
 *
 * <p>A {@code GET} or {@code HEAD} without a body has no body publisher at all, so the JDK sends no
 * {@code Content-Length} with it (a {@code Content-Length: 0} on a {@code GET} is refused by some strict proxies).
 * Every other request's body is a {@link SendOnceBody} when the client sends nothing again after a reply
 * ({@link SendOnceBody#fitsClient}), so the JDK client cannot send it a second time.
 *
 * <p>The request carries no JDK timeout: {@link Deadlines} bounds the whole exchange (the JDK's timeout would stop
 * at the response headers), and registering the JDK's timer takes the client's lock and wakes its selector thread
 * on every request, which cost 5–10% of the throughput with 64 callers.
 */
final class RequestMapper {

    private final String userAgent;
    private final boolean sendOnce;

    /**
     * @param sendOnce whether to give every request a {@link SendOnceBody} (only for a client that fits it)
     */
    RequestMapper(String userAgent, boolean sendOnce) {
        this.userAgent = userAgent;
        this.sendOnce = sendOnce;
    }

    /** {@code body}, as a {@link SendOnceBody} when this mapper guards against the JDK's resends. */
    private BodyPublisher once(BodyPublisher body) {
        return sendOnce ? new SendOnceBody(body) : body;
    }

    /**
     * @throws IllegalArgumentException when the URI or a header name or value is not acceptable to the JDK
     */
    HttpRequest map(TransportRequest request) {
        // no JDK request timeout: Deadlines bounds the whole exchange, while the JDK's timer would take the client's
        // lock and wake its selector thread on every request
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
        if (request.bodyLength() > 0) {
            builder.method(request.method(), once(BodyPublishers.ofByteArray(request.body())));
        } else {
            switch (request.method()) {
                // no body publisher at all, so the JDK sends no "Content-Length: 0" with them
                case "GET" -> builder.GET();
                case "HEAD" -> builder.HEAD();
                default -> builder.method(request.method(), once(BodyPublishers.noBody()));
            }
        }
        TransportSupport.forEachHeaderToSend(request, userAgent, (name, values) -> {
            for (String value : values) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }
}
