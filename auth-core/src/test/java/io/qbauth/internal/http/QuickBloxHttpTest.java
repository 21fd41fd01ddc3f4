package io.qbauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.SessionToken;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class QuickBloxHttpTest {

    private static final QbAuthConfig CONFIG = QbAuthConfig.builder().endpoint(URI.create("https://qb.example/api/"))
            .applicationId(1).authKey("k").authSecret("s").build();

    private final QuickBloxHttp http = new QuickBloxHttp(CONFIG, request -> new CompletableFuture<>());

    @Test
    void every_request_carries_the_sdk_headers_and_the_token_only_when_given() {
        TransportRequest withToken = http.toTransport(ApiRequest.get("/users/42.json").query("a b", "c&d"),
                new SessionToken("abc123"));
        TransportRequest without = http.toTransport(ApiRequest.post("/session.json").formBody(java.util.Map.of()),
                null);

        assertThat(withToken.uri()).isEqualTo(URI.create("https://qb.example/api/users/42.json?a%20b=c%26d"));
        assertThat(withToken.header("QB-SDK")).hasValueSatisfying(v -> assertThat(v).startsWith("qbauth-java "));
        assertThat(withToken.header("QuickBlox-REST-API-Version")).contains("0.1.1");
        assertThat(withToken.header("Accept")).contains("application/json");
        assertThat(withToken.header("QB-Token")).contains("abc123");
        assertThat(withToken.header("Content-Type")).isEmpty();
        assertThat(without.header("QB-Token")).isEmpty();
        assertThat(without.header("Content-Type")).contains(ApiRequest.FORM_CONTENT_TYPE);
    }

    @Test
    void the_uri_template_is_passed_on_for_templated_requests_and_the_sdks_fixed_paths_only() {
        assertThat(http.toTransport(ApiRequest.get("/users/{id}.json", 42), null).uriTemplate())
                .isEqualTo("/users/{id}.json");
        assertThat(http.toTransport(ApiRequest.delete("/session.json"), null).uriTemplate())
                .isEqualTo("/session.json");
        assertThat(http.toTransport(ApiRequest.get("/users/42.json"), null).uriTemplate())
                .as("a raw path is not a template").isNull();
        assertThat(http.toTransport(ApiRequest.get("/users/{id}.json", 42), null).withHeader("X-A", "b")
                .uriTemplate()).isEqualTo("/users/{id}.json");
    }

    @Test
    void the_request_timeout_defaults_to_the_transport_config_and_can_be_set_per_request() {
        assertThat(http.toTransport(ApiRequest.get("/a.json"), null).timeout())
                .isEqualTo(CONFIG.transportConfig().requestTimeout());
        assertThat(http.toTransport(ApiRequest.get("/a.json").timeout(Duration.ofMillis(300)), null).timeout())
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void a_misbehaving_transport_becomes_a_transport_exception() {
        AuthTransport throwing = request -> {
            throw new IllegalStateException("boom");
        };
        AuthTransport failing = request -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
        AuthTransport empty = request -> null;

        for (AuthTransport transport : List.of(throwing, failing, empty)) {
            CompletableFuture<TimedResponse> result = new QuickBloxHttp(CONFIG, transport).send(ApiRequest.get("/a.json"),
                    null);
            assertThat(result).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOf(TransportException.class));
        }
    }

    @Test
    void a_transport_exception_passes_through_unchanged() {
        TransportException timeout = new TransportException(TransportException.Kind.TIMEOUT, "late", null);
        CompletableFuture<TimedResponse> result = new QuickBloxHttp(CONFIG,
                request -> CompletableFuture.failedFuture(new CompletionException(timeout)))
                .send(ApiRequest.get("/a.json"), null);

        assertThat(result).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                .satisfies(e -> assertThat(e.getCause()).isSameAs(timeout));
    }
}
