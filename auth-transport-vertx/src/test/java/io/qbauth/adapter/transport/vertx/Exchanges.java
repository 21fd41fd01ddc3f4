package io.qbauth.adapter.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qbauth.domain.TransportException;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small helpers shared by the tests: build requests, wait for outcomes (bounded, never sleeping). */
final class Exchanges {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Exchanges() {
    }

    static TransportRequest get(URI uri) {
        return request("GET", uri, Map.of(), null, TIMEOUT);
    }

    static TransportRequest request(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                                    Duration timeout) {
        return new TransportRequest(method, uri, headers, body, timeout);
    }

    static ApiResponse response(CompletionStage<ApiResponse> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Throwable failure(CompletionStage<?> stage) throws InterruptedException, TimeoutException {
        try {
            Object value = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return fail("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    static TransportException transportFailure(CompletionStage<?> stage, TransportException.Kind kind)
            throws InterruptedException, TimeoutException {
        Throwable failure = failure(stage);
        assertThat(failure).isInstanceOf(TransportException.class);
        assertThat(((TransportException) failure).kind()).as("kind of %s", failure).isEqualTo(kind);
        return (TransportException) failure;
    }
}
