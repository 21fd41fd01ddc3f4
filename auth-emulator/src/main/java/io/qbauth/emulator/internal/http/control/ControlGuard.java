package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Guards every {@code /_emulator/} endpoint against being driven from a web page or from the network:
 *
 * <ul>
 *   <li>{@code Host} (and {@code Origin}, when sent) must name a loopback host ({@code localhost}, {@code 127.x.x.x},
 *       {@code [::1]}) when the server is bound to loopback — a page on another site, even one whose name was rebound
 *       to 127.0.0.1, is refused with 403; bound elsewhere, an {@code Origin} must match the {@code Host};</li>
 *   <li>with a control token (given, or generated when bound off loopback) the request must carry it as
 *       {@code Authorization: Bearer <token>} or {@code X-Emulator-Token: <token>}, else 401;</li>
 *   <li>a {@code POST} or {@code PUT} must be {@code Content-Type: application/json} (415 otherwise), so a cross-site
 *       "simple request" ({@code text/plain}, a form) can never change the emulator's state.</li>
 * </ul>
 */
public final class ControlGuard implements Handler<RoutingContext> {

    static final String TOKEN_HEADER = "X-Emulator-Token";
    private static final String BEARER = "bearer ";

    private static final ErrorReply FORBIDDEN_HOST = ErrorReply.base(403, "Host or Origin not allowed");
    private static final ErrorReply NEEDS_TOKEN = ErrorReply.list(401, "Unauthorized").withoutExpiry();

    private final boolean loopbackOnly;
    private final byte[] token;
    private final ReplyWriter replies;

    /**
     * @param loopbackOnly whether the server is bound to a loopback address
     * @param token the control token, or {@code null} for none
     */
    public ControlGuard(boolean loopbackOnly, String token, ReplyWriter replies) {
        this.loopbackOnly = loopbackOnly;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.replies = replies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!hostAllowed(request.getHeader(HttpHeaders.HOST), request.getHeader(HttpHeaders.ORIGIN))) {
            replies.error(ctx, FORBIDDEN_HOST);
            return;
        }
        if (token != null && !tokenPresented(request)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            replies.error(ctx, NEEDS_TOKEN);
            return;
        }
        boolean changesState = request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT;
        if (changesState && !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            replies.error(ctx, ErrorReply.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        ctx.next();
    }

    private boolean hostAllowed(String host, String origin) {
        if (host == null) {
            return false;
        }
        if (loopbackOnly) {
            return isLoopbackAuthority(host) && (origin == null || isLoopbackOrigin(origin));
        }
        return origin == null || sameOrigin(origin, host);
    }

    private boolean tokenPresented(HttpServerRequest request) {
        String presented = request.getHeader(TOKEN_HEADER);
        if (presented == null) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.length() > BEARER.length()
                    && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
                presented = authorization.substring(BEARER.length()).trim();
            }
        }
        return presented != null
                && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /** {@code host[:port]} naming a loopback host. */
    static boolean isLoopbackAuthority(String authority) {
        String host = hostOf(authority.trim());
        return host != null && isLoopbackName(host);
    }

    private static boolean isLoopbackOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && isLoopbackName(uri.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = new URI(origin.trim());
            String authority = uri.getRawAuthority();
            return "http".equalsIgnoreCase(uri.getScheme()) && authority != null
                    && authority.equalsIgnoreCase(host.trim());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The host of {@code host[:port]} or {@code [v6][:port]}, without brackets; null when malformed. */
    private static String hostOf(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || (close + 1 < authority.length() && authority.charAt(close + 1) != ':')) {
                return null;
            }
            return authority.substring(1, close);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** {@code localhost} or a literal loopback address; never resolves a name. */
    static boolean isLoopbackName(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.equals("localhost.")) {
            return true;
        }
        if (!isAddressLiteral(lower)) {
            return false;
        }
        try {
            return InetAddress.getByName(lower).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Dotted IPv4 or an IPv6 literal: {@link InetAddress#getByName} then parses without a DNS lookup. */
    private static boolean isAddressLiteral(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128 || c == ':' || c == '.');
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}
