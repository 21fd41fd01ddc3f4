package io.qbauth.internal.http;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.ProtocolException;
import io.qbauth.spi.AccountSettingsPayload;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.TransportSupport;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The API endpoint of a client configured with an account key: learnt once from {@code GET /account_settings.json}
 * (header {@code QB-Account-Key}, no session) at the configured endpoint, as QuickBlox's own SDKs do, then used for
 * every request. Without an account key the configured endpoint is used as it is and nothing is asked.
 *
 * <p>The discovery is single-flight: concurrent first calls share one request. A failed discovery fails the calls
 * that waited for it (with the typed error of the reply, redacted) and is not remembered: the next call asks again.
 * The discovered endpoint must be an {@code https} URL with a host and nothing else ({@code http} too only when the
 * configuration allows plain http), so a reply cannot send the session token elsewhere in clear or with credentials;
 * {@code api_endpoint} without a scheme ({@code apiXXXX.quickblox.com}) takes the configured endpoint's scheme.
 */
public final class AccountEndpoint {

    /** Where an account's settings are read. */
    public static final String PATH = "/account_settings.json";
    /** The header that carries the account key. */
    public static final String ACCOUNT_KEY_HEADER = "QB-Account-Key";

    private final String configured;
    private final String scheme;
    private final boolean allowPlainHttp;
    private final String accountKey;
    /** The endpoint requests go to: the configured one, or null until discovery succeeds. */
    private volatile String resolved;
    private final AtomicReference<CompletableFuture<String>> discovery = new AtomicReference<>();

    /** The endpoint for {@code config}: discovered if it has an account key, else the configured one. */
    public AccountEndpoint(QbAuthConfig config) {
        this.configured = config.endpoint().toString();
        this.scheme = config.endpoint().getScheme().toLowerCase(Locale.ROOT);
        this.allowPlainHttp = config.allowPlainHttp();
        this.accountKey = config.accountKey().orElse(null);
        this.resolved = accountKey == null ? configured : null;
    }

    /** The endpoint if it is known (one volatile read), else null: then {@link #resolve} it. */
    String current() {
        return resolved;
    }

    /**
     * The endpoint, asking the configured one for the account's settings through {@code http} if no one has yet; a
     * caller that joins a discovery in flight shares its outcome.
     */
    CompletableFuture<String> resolve(QuickBloxHttp http, JsonCodec codec, ErrorClassifier classifier) {
        while (true) {
            String known = resolved;
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            CompletableFuture<String> flight = discovery.get();
            if (flight != null) {
                return flight.thenApply(endpoint -> endpoint); // a dependent: a caller's cancel stays its own
            }
            CompletableFuture<String> mine = new CompletableFuture<>();
            if (discovery.compareAndSet(null, mine)) {
                discover(http, codec, classifier, mine);
                return mine.thenApply(endpoint -> endpoint);
            }
        }
    }

    private void discover(QuickBloxHttp http, JsonCodec codec, ErrorClassifier classifier,
                          CompletableFuture<String> flight) {
        ApiRequest request = ApiRequest.get(PATH).header(ACCOUNT_KEY_HEADER, accountKey);
        CompletableFuture<TimedResponse> sent;
        try {
            sent = http.sendTo(configured, request, null);
        } catch (Throwable e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.handle((exchange, failure) -> {
            if (failure != null) {
                throw new CompletionException(TransportSupport.unwrap(failure));
            }
            ApiResponse response = exchange.response();
            if (response.status() / 100 != 2) {
                throw new CompletionException(rejection(classifier.classify(request, response)));
            }
            AccountSettingsPayload settings = classifier.read(request, null,
                    () -> codec.readAccountSettings(response.body(), response.status()));
            return endpointOf(settings.apiEndpoint(), response.status());
        }).whenComplete((endpoint, failure) -> {
            if (failure == null) {
                resolved = endpoint;
                flight.complete(endpoint);
            } else {
                discovery.compareAndSet(flight, null); // not remembered: the next call asks again
                flight.completeExceptionally(TransportSupport.unwrap(failure));
            }
        });
    }

    /**
     * A 401 or 403 here is about the account key, not a user's credentials or a session: say so with the type
     * applications already treat as "fix the configuration".
     */
    private static AuthException rejection(AuthException classified) {
        int status = classified.status();
        if (status != 401 && status != 403) {
            return classified;
        }
        return new ApplicationRejectedException("the account key was rejected: GET " + PATH + " failed with HTTP "
                + status, status, classified.details(), classified);
    }

    /** {@code api_endpoint} as a base URL, if it is one the SDK may send tokens to. */
    private String endpointOf(String apiEndpoint, int status) {
        String text = apiEndpoint.strip();
        if (!text.contains("://")) {
            text = scheme + "://" + text;
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw notAnEndpoint(status);
        }
        String discoveredScheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeAllowed = discoveredScheme.equals("https") || discoveredScheme.equals("http") && allowPlainHttp;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!schemeAllowed || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || !(path.isEmpty() || path.equals("/"))) {
            throw notAnEndpoint(status);
        }
        return discoveredScheme + "://" + uri.getRawAuthority();
    }

    private static AuthException notAnEndpoint(int status) {
        return new ProtocolException("the account settings' api_endpoint is not an https host URL (plain http only"
                + " with allowPlainHttp; no path, query, user info or fragment)", status, ErrorDetails.NONE);
    }

    @Override
    public String toString() {
        String known = resolved;
        return "AccountEndpoint[" + (accountKey == null ? configured : known != null ? "discovered " + known
                : "to discover at " + configured) + "]";
    }
}
