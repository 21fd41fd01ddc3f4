package io.qbauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.ServerException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AccountEndpoint} through {@link QuickBloxHttp}, on a scripted transport (the end-to-end behaviour against the
 * emulator is e2e-tests' {@code AccountSettingsE2eTest}).
 */
class AccountEndpointTest {

    private static final String ACCOUNT_KEY = "acc0unt-key-0123456789";

    private final List<TransportRequest> sent = new CopyOnWriteArrayList<>();

    @Test
    void without_an_account_key_nothing_is_asked_and_the_configured_endpoint_is_used() {
        QuickBloxHttp http = http(config(null, false), request -> reply(200, "{}"));

        http.send(ApiRequest.get("/users.json"), null).join();

        assertThat(sent).extracting(TransportRequest::uri).containsExactly(URI.create("https://qb.example/users.json"));
    }

    @Test
    void with_an_account_key_the_first_call_reads_the_settings_once_and_every_call_goes_to_the_discovered_host() {
        CompletableFuture<ApiResponse> settings = new CompletableFuture<>();
        QuickBloxHttp http = http(config(ACCOUNT_KEY, false), request -> request.uri().getPath()
                .equals(AccountEndpoint.PATH) ? settings : reply(200, "{}"));

        CompletableFuture<TimedResponse> first = http.send(ApiRequest.get("/users.json"), null);
        CompletableFuture<TimedResponse> second = http.send(ApiRequest.get("/users/1.json"), null);
        settings.complete(response(200, "{\"account_id\":55,\"api_endpoint\":\"https://api42.quickblox.example\","
                + "\"chat_endpoint\":\"chat42.quickblox.example\"}"));
        first.join();
        second.join();
        http.send(ApiRequest.get("/users/2.json"), null).join();

        assertThat(sent).hasSize(4);
        TransportRequest discovery = sent.getFirst();
        assertThat(discovery.uri()).isEqualTo(URI.create("https://qb.example/account_settings.json"));
        assertThat(discovery.header(AccountEndpoint.ACCOUNT_KEY_HEADER)).contains(ACCOUNT_KEY);
        assertThat(discovery.header("QB-Token")).isEmpty();
        assertThat(sent.subList(1, 4)).extracting(request -> request.uri().getHost())
                .containsOnly("api42.quickblox.example");
    }

    @Test
    void an_endpoint_without_a_scheme_takes_the_configured_one() {
        QuickBloxHttp http = http(config(ACCOUNT_KEY, false), request -> request.uri().getPath()
                .equals(AccountEndpoint.PATH) ? reply(200, "{\"api_endpoint\":\"api7.quickblox.example\"}")
                : reply(200, "{}"));

        http.send(ApiRequest.get("/users.json"), null).join();

        assertThat(sent.getLast().uri()).isEqualTo(URI.create("https://api7.quickblox.example/users.json"));
    }

    @Test
    void a_failed_discovery_fails_the_call_typed_and_the_next_call_asks_again() {
        int[] discoveries = {0};
        QuickBloxHttp http = http(config(ACCOUNT_KEY, false), request -> {
            if (!request.uri().getPath().equals(AccountEndpoint.PATH)) {
                return reply(200, "{}");
            }
            return ++discoveries[0] == 1 ? reply(503, "{\"errors\":[\"down\"]}")
                    : reply(200, "{\"api_endpoint\":\"https://api9.quickblox.example\"}");
        });

        assertThat(http.send(ApiRequest.get("/users.json"), null)).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(Exception.class).havingCause().isInstanceOf(ServerException.class);
        http.send(ApiRequest.get("/users.json"), null).join();

        assertThat(discoveries[0]).isEqualTo(2);
        assertThat(sent.getLast().uri().getHost()).isEqualTo("api9.quickblox.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.quickblox.example", "https://user:pw@api.quickblox.example",
            "https://api.quickblox.example/elsewhere", "https://api.quickblox.example?x=1", "ftp://api.example",
            "https://", "javascript:alert(1)", "https://api.quickblox.example#f", "not a url"})
    void an_endpoint_the_token_must_not_go_to_is_refused_and_nothing_else_is_sent(String hostile) {
        QuickBloxHttp http = http(config(ACCOUNT_KEY, false), request -> request.uri().getPath()
                .equals(AccountEndpoint.PATH) ? reply(200, "{\"api_endpoint\":\"" + hostile + "\"}") : reply(200, "{}"));

        assertThat(http.send(ApiRequest.get("/users.json"), null)).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(Exception.class).havingCause().isInstanceOf(ProtocolException.class)
                .withMessageContaining("api_endpoint");
        assertThat(sent).hasSize(1);
    }

    @Test
    void plain_http_is_accepted_only_where_the_configuration_allows_it() {
        QuickBloxHttp http = http(config(ACCOUNT_KEY, true), request -> request.uri().getPath()
                .equals(AccountEndpoint.PATH) ? reply(200, "{\"api_endpoint\":\"http://127.0.0.1:8081\"}")
                : reply(200, "{}"));

        http.send(ApiRequest.get("/users.json"), null).join();

        assertThat(sent.getLast().uri()).isEqualTo(URI.create("http://127.0.0.1:8081/users.json"));
    }

    private QuickBloxHttp http(QbAuthConfig config, Function<TransportRequest, CompletableFuture<ApiResponse>> server) {
        AuthTransport transport = request -> {
            sent.add(request);
            return server.apply(request);
        };
        TestCodec codec = new TestCodec();
        return new QuickBloxHttp(config, transport, codec,
                new ErrorClassifier(codec, config.clock(), new Redactor(config)));
    }

    private static QbAuthConfig config(String accountKey, boolean plainHttp) {
        return QbAuthConfig.builder().endpoint(URI.create(plainHttp ? "http://qb.example" : "https://qb.example"))
                .allowPlainHttp(plainHttp).applicationId(1).authKey("auth-key-1234").authSecret("auth-secret-1234")
                .accountKey(accountKey).build();
    }

    private static CompletableFuture<ApiResponse> reply(int status, String json) {
        return CompletableFuture.completedFuture(response(status, json));
    }

    private static ApiResponse response(int status, String json) {
        return new ApiResponse(status, Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
