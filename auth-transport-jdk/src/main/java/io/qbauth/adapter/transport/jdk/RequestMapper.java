package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;

/**
 * Builds the JDK request for a {@link TransportRequest}: method, URI, body bytes, timeout and headers. The headers
 * every transport leaves to its HTTP client ({@link TransportSupport#CLIENT_MANAGED_HEADERS}: {@code Host},
 * {@code Connection}, {@code Content-Length}, {@code Expect}, {@code Upgrade} the JDK refuses, and the hop-by-hop
 * ones) are dropped, since the client sets them itself. A default {@code User-Agent} is added when the request has
 * none.
 */
final class RequestMapper {

    private final String userAgent;

    RequestMapper(String userAgent) {
        this.userAgent = userAgent;
    }

    /**
     * @throws IllegalArgumentException when the URI or a header name or value is not acceptable to the JDK
     */
    HttpRequest map(TransportRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .method(request.method(), request.bodyLength() == 0
                        ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
        TransportSupport.forEachHeaderToSend(request, userAgent, (name, values) -> {
            for (String value : values) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }
}
