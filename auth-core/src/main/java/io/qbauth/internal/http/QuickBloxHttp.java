package io.qbauth.internal.http;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.SessionToken;
import io.qbauth.domain.TransportException;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthScope;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Turns an {@link ApiRequest} into a {@link TransportRequest} with the QuickBlox headers ({@code QB-SDK},
 * {@code QuickBlox-REST-API-Version}, {@code Accept}, and {@code QB-Token} when a session is given), sends it, and
 * records when it went and came back. Any failure of the transport becomes a {@link TransportException}. With
 * {@link Tracing} on, each exchange is an {@link AuthActivity.HttpExchange} under the scope the caller names, started
 * before the request is built so the instrumentation may add headers to it (trace-context propagation).
 */
public final class QuickBloxHttp {

    /** Create, read and destroy the session. */
    public static final String SESSION_PATH = "/session.json";
    /** Log a user in and out. */
    public static final String LOGIN_PATH = "/login.json";
    /** Sign up. */
    public static final String USERS_PATH = "/users.json";

    /** Paths the SDK sends that hold no variable, so each is its own URI template. */
    private static final Set<String> FIXED_PATHS = Set.of(SESSION_PATH, LOGIN_PATH, USERS_PATH, AccountEndpoint.PATH);

    static final String SDK_HEADER_VALUE = "qbauth-java " + version();
    private static final String API_VERSION = "0.1.1";

    private final AccountEndpoint endpoint;
    private final JsonCodec codec;
    private final ErrorClassifier classifier;
    private final Duration defaultTimeout;
    private final AuthTransport transport;
    private final Clock clock;
    private final Tracing tracing;
    private volatile String transportName;
    /** The last request base and target and their URI: most calls repeat a path, and parsing a URI is not cheap. */
    private volatile Target lastTarget = new Target("", "", null);

    private record Target(String base, String target, URI uri) {
    }

    /** For a configuration without an account key: requests go to the configured endpoint. */
    public QuickBloxHttp(QbAuthConfig config, AuthTransport transport) {
        this(config, transport, null, null);
    }

    /**
     * Requests go to the configured endpoint, or, with an account key, to the one the account's settings name,
     * read with {@code codec} (failures classified by {@code classifier}) before the first request.
     */
    public QuickBloxHttp(QbAuthConfig config, AuthTransport transport, JsonCodec codec, ErrorClassifier classifier) {
        this(config, transport, codec, classifier, Tracing.OFF);
    }

    /** As {@link #QuickBloxHttp(QbAuthConfig, AuthTransport, JsonCodec, ErrorClassifier)}, each exchange traced. */
    public QuickBloxHttp(QbAuthConfig config, AuthTransport transport, JsonCodec codec, ErrorClassifier classifier,
                         Tracing tracing) {
        if (config.accountKey().isPresent() && (codec == null || classifier == null)) {
            throw new IllegalArgumentException("endpoint discovery needs a codec and a classifier");
        }
        this.endpoint = new AccountEndpoint(config);
        this.codec = codec;
        this.classifier = classifier;
        this.defaultTimeout = config.transportConfig().requestTimeout();
        this.transport = transport;
        this.clock = config.clock();
        this.tracing = tracing;
    }

    /** How this client's activities are traced (shared by its session caches and executors). */
    public Tracing tracing() {
        return tracing;
    }

    /**
     * Sends {@code request}, with {@code QB-Token: token} when {@code token} is not null, to the client's endpoint
     * (discovered first if need be: {@link AccountEndpoint}).
     */
    public CompletableFuture<TimedResponse> send(ApiRequest request, SessionToken token) {
        return send(request, token, AuthScope.NONE, false);
    }

    /**
     * As {@link #send(ApiRequest, SessionToken)}, the exchange traced under {@code parent}.
     *
     * @param replay whether this is the resend of a request after a session re-creation
     */
    public CompletableFuture<TimedResponse> send(ApiRequest request, SessionToken token, AuthScope parent,
                                                 boolean replay) {
        String base = endpoint.current();
        if (base != null) {
            return sendTo(base, request, token, parent, replay);
        }
        return endpoint.resolve(this, codec, classifier)
                .thenCompose(discovered -> sendTo(discovered, request, token, parent, replay));
    }

    /** Sends {@code request} to {@code base} (an endpoint URL without a trailing slash). */
    CompletableFuture<TimedResponse> sendTo(String base, ApiRequest request, SessionToken token) {
        return exchange(toTransport(base, request, token));
    }

    private CompletableFuture<TimedResponse> sendTo(String base, ApiRequest request, SessionToken token,
                                                    AuthScope parent, boolean replay) {
        if (!tracing.on()) {
            return sendTo(base, request, token);
        }
        Map<String, List<String>> headers = headers(request, token);
        URI uri = uri(base, request.target());
        String template = uriTemplate(request);
        AuthActivity.HttpExchange activity = new AuthActivity.HttpExchange(request.method(), template, uri,
                transportName(), replay, headers);
        AuthScope scope = tracing.start(activity, parent);
        activity.markSent();
        CompletableFuture<TimedResponse> reply = exchange(new TransportRequest(request.method(), uri, headers,
                request.body(), request.timeout().orElse(defaultTimeout), template));
        if (scope != AuthScope.NONE) {
            reply.whenComplete((exchange, failure) -> {
                if (exchange != null) {
                    activity.status(exchange.response().status());
                }
                Tracing.stop(scope, failure);
            });
        }
        return reply;
    }

    private CompletableFuture<TimedResponse> exchange(TransportRequest wire) {
        long sentAt = clock.millis();
        CompletionStage<ApiResponse> reply;
        try {
            reply = transport.execute(wire);
        } catch (Throwable e) { // a transport is pluggable code: whatever it throws becomes this call's failure
            return CompletableFuture.failedFuture(asTransportFailure(e));
        }
        if (reply == null) {
            return CompletableFuture.failedFuture(new TransportException(TransportException.Kind.IO,
                    "the transport " + transport.name() + " returned no result", null));
        }
        return reply.toCompletableFuture().handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(asTransportFailure(failure));
            }
            if (response == null) {
                throw new CompletionException(new TransportException(TransportException.Kind.IO,
                        "the transport " + transport.name() + " completed without a response", null));
            }
            return new TimedResponse(response, sentAt, clock.millis());
        });
    }

    TransportRequest toTransport(ApiRequest request, SessionToken token) {
        String base = endpoint.current();
        return toTransport(base == null ? "" : base, request, token);
    }

    private TransportRequest toTransport(String base, ApiRequest request, SessionToken token) {
        return new TransportRequest(request.method(), uri(base, request.target()), headers(request, token),
                request.body(), request.timeout().orElse(defaultTimeout), uriTemplate(request));
    }

    /** The request's headers with the QuickBlox ones, in a mutable map. */
    private static Map<String, List<String>> headers(ApiRequest request, SessionToken token) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.put("QB-SDK", List.of(SDK_HEADER_VALUE));
        headers.put("QuickBlox-REST-API-Version", List.of(API_VERSION));
        headers.putIfAbsent("Accept", List.of("application/json"));
        request.contentType().ifPresent(type -> headers.put("Content-Type", List.of(type)));
        if (token != null) {
            headers.put("QB-Token", List.of(token.value()));
        }
        return headers;
    }

    /** The transport's name, read once; {@code unknown} if it fails (a transport is pluggable code). */
    private String transportName() {
        String name = transportName;
        if (name == null) {
            try {
                name = String.valueOf(transport.name());
            } catch (Throwable e) {
                name = "unknown";
            }
            transportName = name;
        }
        return name;
    }

    /** The request's own template, else its path if it is one of the SDK's fixed paths, else none. */
    private static String uriTemplate(ApiRequest request) {
        Optional<String> template = request.uriTemplate();
        if (template.isPresent()) {
            return template.get();
        }
        String path = request.path();
        return FIXED_PATHS.contains(path) ? path : null;
    }

    private URI uri(String base, String target) {
        Target last = lastTarget;
        if (last.base() == base && last.target().equals(target)) { // the same base string instance: one endpoint
            return last.uri();
        }
        URI uri = URI.create(base + target);
        lastTarget = new Target(base, target, uri);
        return uri;
    }

    private AuthException asTransportFailure(Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        if (cause instanceof AuthException auth) {
            return auth;
        }
        return new TransportException(TransportException.Kind.IO,
                "the transport " + transport.name() + " failed with " + cause.getClass().getSimpleName(), cause);
    }

    private static String version() {
        try (InputStream in = QuickBloxHttp.class.getResourceAsStream("qbauth.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
