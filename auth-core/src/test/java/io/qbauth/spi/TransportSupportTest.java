package io.qbauth.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TransportSupportTest {

    private static final String SECRET = "s3cr3t-token-0123456789";

    private static TransportRequest request(String method, String uri, Map<String, List<String>> headers) {
        return new TransportRequest(method, URI.create(uri), headers, SECRET.getBytes(), Duration.ofSeconds(1));
    }

    @Test
    void describe_names_the_method_and_the_raw_path_only() {
        TransportRequest request = request("get", "https://api.example.com/users/a%20b.json?token=" + SECRET,
                Map.of("QB-Token", List.of(SECRET)));

        assertThat(request.describe()).isEqualTo("GET /users/a%20b.json");
        assertThat(request("DELETE", "https://api.example.com", Map.of()).describe()).isEqualTo("DELETE /");
    }

    @Test
    void client_managed_headers_are_recognised_in_any_case() {
        for (String name : List.of("Host", "CONNECTION", "content-length", "Transfer-Encoding", "Expect", "Upgrade",
                "Keep-Alive", "Proxy-Connection", "TE", "Trailer")) {
            assertThat(TransportSupport.isClientManaged(name)).as(name).isTrue();
        }
        for (String name : List.of("User-Agent", "QB-Token", "Content-Type", "Accept", "X-Host")) {
            assertThat(TransportSupport.isClientManaged(name)).as(name).isFalse();
        }
        assertThat(TransportSupport.CLIENT_MANAGED_HEADERS).allMatch(name -> name.equals(name.toLowerCase()));
    }

    @Test
    void headers_to_send_skip_the_client_managed_ones_and_add_the_default_user_agent() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("evil.example"));
        headers.put("QB-Token", List.of(SECRET));
        headers.put("content-length", List.of("999"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Connection", List.of("close"));

        assertThat(headersToSend(request("POST", "https://api.example.com/x", headers), "qbauth-test"))
                .containsExactly(Map.entry("QB-Token", List.of(SECRET)), Map.entry("X-Multi", List.of("a", "b")),
                        Map.entry("User-Agent", List.of("qbauth-test")));
    }

    @Test
    void a_user_agent_of_the_request_wins_in_any_case() {
        TransportRequest request = request("GET", "https://api.example.com/x", Map.of("user-agent", List.of("app/1")));

        assertThat(headersToSend(request, "qbauth-test")).containsExactly(Map.entry("user-agent", List.of("app/1")));
    }

    @Test
    void replies_to_head_and_204_and_304_have_no_body() {
        assertThat(TransportSupport.replyHasBody("GET", 200)).isTrue();
        assertThat(TransportSupport.replyHasBody("POST", 201)).isTrue();
        assertThat(TransportSupport.replyHasBody("GET", 404)).isTrue();
        assertThat(TransportSupport.replyHasBody("HEAD", 200)).isFalse();
        assertThat(TransportSupport.replyHasBody("GET", 204)).isFalse();
        assertThat(TransportSupport.replyHasBody("GET", 304)).isFalse();
    }

    @Test
    void failures_name_the_request_and_never_its_secrets() {
        TransportRequest request = request("GET", "https://api.example.com/session.json?token=" + SECRET,
                Map.of("QB-Token", List.of(SECRET)));
        IOException cause = new IOException("boom");

        TransportException failure = TransportSupport.failure(request, Kind.IO, "it broke", cause);
        TransportException notSent = TransportSupport.notSent(request, "transport is closed");

        assertThat(failure).hasMessage("GET /session.json: it broke").hasCause(cause);
        assertThat(failure.kind()).isEqualTo(Kind.IO);
        assertThat(notSent).hasMessage("GET /session.json: transport is closed").hasNoCause();
        assertThat(notSent.kind()).isEqualTo(Kind.CONNECT);
    }

    @Test
    void unwrap_strips_every_completion_and_execution_wrapper() {
        IOException cause = new IOException("x");

        assertThat(TransportSupport.unwrap(new CompletionException(new ExecutionException(cause)))).isSameAs(cause);
        assertThat(TransportSupport.unwrap(cause)).isSameAs(cause);
        CompletionException empty = new CompletionException("no cause", null);
        assertThat(TransportSupport.unwrap(empty)).isSameAs(empty);
    }

    @Test
    void the_jdks_network_failures_have_their_kind() {
        assertThat(TransportSupport.kindOf(new TimeoutException())).isEqualTo(Kind.TIMEOUT);
        assertThat(TransportSupport.kindOf(new ConnectException())).isEqualTo(Kind.CONNECT);
        assertThat(TransportSupport.kindOf(new UnknownHostException())).isEqualTo(Kind.CONNECT);
        assertThat(TransportSupport.kindOf(new NoRouteToHostException())).isEqualTo(Kind.CONNECT);
        assertThat(TransportSupport.kindOf(new UnresolvedAddressException())).isEqualTo(Kind.CONNECT);
        assertThat(TransportSupport.kindOf(new IOException())).isEqualTo(Kind.IO);
        assertThat(TransportSupport.kindOf(new IllegalStateException())).isEqualTo(Kind.IO);
    }

    @Test
    void what_happened_never_quotes_an_exception_message() {
        assertThat(TransportSupport.whatHappened(Kind.TIMEOUT, new TimeoutException(SECRET)))
                .isEqualTo("no complete reply within the request timeout");
        assertThat(TransportSupport.whatHappened(Kind.CONNECT, new ConnectException(SECRET)))
                .isEqualTo("connection could not be established");
        assertThat(TransportSupport.whatHappened(Kind.RESPONSE_TOO_LARGE, new IOException(SECRET)))
                .isEqualTo("reply body too large");
        assertThat(TransportSupport.whatHappened(Kind.IO, new CancellationException(SECRET)))
                .isEqualTo("exchange was cancelled");
        assertThat(TransportSupport.whatHappened(Kind.IO, new IOException(SECRET)))
                .isEqualTo("connection failed during the exchange");
        assertThat(TransportSupport.whatHappened(Kind.IO, new IllegalStateException(SECRET)))
                .isEqualTo("exchange failed (IllegalStateException)");
    }

    private static List<Map.Entry<String, List<String>>> headersToSend(TransportRequest request, String userAgent) {
        List<Map.Entry<String, List<String>>> sent = new ArrayList<>();
        TransportSupport.forEachHeaderToSend(request, userAgent, (name, values) -> sent.add(Map.entry(name, values)));
        return sent;
    }
}
