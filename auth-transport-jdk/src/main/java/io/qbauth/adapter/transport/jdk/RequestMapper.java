package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.TransportRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the JDK request for a {@link TransportRequest}: method, URI, body bytes, timeout and headers. Headers the
 * JDK refuses ({@code Host}, {@code Connection}, {@code Content-Length}, {@code Expect}, {@code Upgrade}) or that
 * are hop-by-hop are dropped, since the client sets them itself. A default {@code User-Agent} is added when the
 * request has none.
 */
final class RequestMapper {

    private static final System.Logger LOG = System.getLogger(RequestMapper.class.getName());

    /** Lower-case names the JDK either rejects or manages itself. */
    static final Set<String> DROPPED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding");

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
        boolean hasUserAgent = false;
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (DROPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                LOG.log(System.Logger.Level.DEBUG, "dropping header {0}: the HTTP client manages it", name);
                continue;
            }
            hasUserAgent |= name.equalsIgnoreCase("User-Agent");
            for (String value : header.getValue()) {
                builder.header(name, value);
            }
        }
        if (!hasUserAgent) {
            builder.header("User-Agent", userAgent);
        }
        return builder.build();
    }
}
