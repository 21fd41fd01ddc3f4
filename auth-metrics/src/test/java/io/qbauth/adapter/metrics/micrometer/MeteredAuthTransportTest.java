package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MeteredAuthTransportTest {

    private static final String TIMER = QbAuthMetrics.HTTP_CLIENT_REQUESTS;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Meters meters = new Meters(registry, Tags.empty());

    @Test
    void a_reply_is_timed_with_the_uri_template_status_and_outcome() {
        AuthTransport metered = metered(request -> status(404));

        metered.execute(request("GET", "https://api.example.com/users/1234.json?login=alice")).toCompletableFuture()
                .join();

        Timer timer = registry.get(TIMER).tags("method", "GET", "uri", "/users/{id}.json", "status", "404",
                "outcome", "CLIENT_ERROR", "exception", "none", "client.name", "stub").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void the_sample_is_the_time_from_sending_to_the_reply_on_the_registrys_clock() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry mocked = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        CompletableFuture<ApiResponse> reply = new CompletableFuture<>();
        AuthTransport metered = new MeteredAuthTransport(new Stub(request -> reply, "stub"),
                new Meters(mocked, Tags.empty()));

        CompletableFuture<ApiResponse> seen = metered.execute(request("GET", "https://h/session.json"))
                .toCompletableFuture();
        clock.add(Duration.ofMillis(250));
        reply.complete(new ApiResponse(200, Map.of(), null));

        assertThat(seen).isCompleted();
        assertThat(mocked.get(TIMER).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
    }

    @Test
    void every_status_class_maps_to_micrometers_outcome() {
        for (int status : new int[] {101, 201, 302, 401, 503}) {
            metered(request -> status(status)).execute(request("POST", "https://h/session.json"))
                    .toCompletableFuture().join();
        }

        assertThat(registry.get(TIMER).timers()).extracting(timer -> timer.getId().getTag("status") + " "
                        + timer.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("101 INFORMATIONAL", "201 SUCCESS", "302 REDIRECTION",
                        "401 CLIENT_ERROR", "503 SERVER_ERROR");
    }

    @Test
    void a_transport_failure_is_an_io_error_and_still_fails_the_call() {
        TransportException timeout = new TransportException(TransportException.Kind.TIMEOUT, "GET /x: timeout", null);
        AuthTransport metered = metered(request -> CompletableFuture.failedFuture(timeout));

        CompletableFuture<ApiResponse> reply = metered.execute(request("GET", "https://h/session.json"))
                .toCompletableFuture();

        assertThat(reply).isCompletedExceptionally();
        assertThat(registry.get(TIMER).tags("status", "IO_ERROR", "outcome", "UNKNOWN",
                "exception", "TransportException").timer().count()).isEqualTo(1);
    }

    @Test
    void a_transport_that_throws_is_recorded_as_a_client_error_and_rethrown() {
        InvalidInputException invalid = new InvalidInputException("header value has CR/LF");
        AuthTransport metered = metered(request -> {
            throw invalid;
        });

        assertThatThrownBy(() -> metered.execute(request("PUT", "https://h/users/7.json"))).isSameAs(invalid);
        assertThat(registry.get(TIMER).tags("method", "PUT", "uri", "/users/{id}.json", "status", "CLIENT_ERROR",
                "exception", "InvalidInputException").timer().count()).isEqualTo(1);
    }

    @Test
    void every_sample_has_the_same_tag_keys() {
        metered(request -> status(200)).execute(request("GET", "https://h/session.json"));
        metered(request -> CompletableFuture.failedFuture(new TransportException(TransportException.Kind.IO, "x",
                null))).execute(request("GET", "https://h/session.json"));

        assertThat(registry.get(TIMER).timers()).extracting(timer -> timer.getId().getTags().stream()
                        .map(Tag::getKey).toList())
                .containsOnly(List.of("client.name", "exception", "method", "outcome", "status", "uri"));
    }

    @Test
    void an_unbounded_transport_name_becomes_unknown_and_a_configured_client_name_wins() {
        AuthTransport oddName = new Stub(request -> status(200), "name with spaces and 42 other things!");
        new MeteredAuthTransport(oddName, meters).execute(request("GET", "https://h/session.json"));
        Meters named = new Meters(registry, Tags.of("client.name", "orders"));
        new MeteredAuthTransport(new Stub(request -> status(200), "jdk"), named)
                .execute(request("GET", "https://h/login.json"));

        assertThat(registry.get(TIMER).tag("uri", "/session.json").timer().getId().getTag("client.name"))
                .isEqualTo("unknown");
        assertThat(registry.get(TIMER).tag("uri", "/login.json").timer().getId().getTag("client.name"))
                .isEqualTo("orders");
    }

    @Test
    void name_and_close_are_delegated() {
        Stub stub = new Stub(request -> status(200), "jdk");
        AuthTransport metered = new MeteredAuthTransport(stub, meters);

        metered.close();

        assertThat(metered.name()).isEqualTo("jdk");
        assertThat(stub.closed).isTrue();
    }

    @Test
    void whether_the_current_thread_must_not_block_is_delegated() {
        Stub stub = new Stub(request -> status(200), "vertx");
        AuthTransport metered = new MeteredAuthTransport(stub, meters);

        assertThat(metered.currentThreadMustNotBlock()).isFalse();
        stub.mustNotBlock = true;
        assertThat(metered.currentThreadMustNotBlock()).isTrue();
    }

    @Test
    void extra_tags_go_on_every_sample() {
        Meters tagged = new Meters(registry, Tags.of("region", "eu"));
        new MeteredAuthTransport(new Stub(request -> status(200), "jdk"), tagged)
                .execute(request("GET", "https://h/session.json"));

        assertThat(registry.get(TIMER).tags(Tags.of("region", "eu")).timer().count()).isEqualTo(1);
    }

    private AuthTransport metered(Function<TransportRequest, CompletionStage<ApiResponse>> answer) {
        return new MeteredAuthTransport(new Stub(answer, "stub"), meters);
    }

    @Test
    void the_uri_tag_is_the_template_the_request_carries_when_it_has_one() {
        AuthTransport metered = metered(request -> status(200));

        metered.execute(new TransportRequest("GET", URI.create("https://h/users/alice2000/devices/7.json"), Map.of(),
                null, Duration.ofSeconds(1), "/users/{login}/devices/{id}.json")).toCompletableFuture().join();

        assertThat(registry.get(TIMER).tags("uri", "/users/{login}/devices/{id}.json").timer().count()).isOne();
        assertThat(registry.find(TIMER).tags("uri", UriTemplates.UNKNOWN).timer())
                .as("without the template this path guesses to UNKNOWN").isNull();
    }

    private static TransportRequest request(String method, String uri) {
        return new TransportRequest(method, URI.create(uri), Map.of(), null, Duration.ofSeconds(1));
    }

    private static CompletionStage<ApiResponse> status(int status) {
        return CompletableFuture.completedFuture(new ApiResponse(status, Map.of(), null));
    }

    private static final class Stub implements AuthTransport {
        private final Function<TransportRequest, CompletionStage<ApiResponse>> answer;
        private final String name;
        private volatile boolean closed;
        private volatile boolean mustNotBlock;

        Stub(Function<TransportRequest, CompletionStage<ApiResponse>> answer, String name) {
            this.answer = answer;
            this.name = name;
        }

        @Override
        public CompletionStage<ApiResponse> execute(TransportRequest request) {
            return answer.apply(request);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean currentThreadMustNotBlock() {
            return mustNotBlock;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
