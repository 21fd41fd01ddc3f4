package io.qbauth.adapter.metrics.micrometer.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.OtelTracing;
import io.qbauth.adapter.metrics.micrometer.support.ScriptedJourney;
import io.qbauth.domain.ApiResponse;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observations through a real tracer (Micrometer Tracing's OpenTelemetry bridge, spans exported to memory)
 * against the real emulator: spans with the right parents, client spans for the exchanges, no secret in any span,
 * and the trace context on outgoing requests only when propagation is on.
 */
class OtelBridgeTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final TestClock emulatorClock = TestClock.followingSystem();
    private final QbEmulator emulator = Emulators.builder(emulatorClock).start();
    private final OtelTracing tracing = new OtelTracing();
    private final List<TransportRequest> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        tracing.close();
        emulator.close();
    }

    @Test
    void the_journey_exports_one_trace_per_operation_with_every_span_under_its_parent() {
        try (QbAuthClient client = client(false)) {
            ScriptedJourney.run(client, emulator, emulatorClock);
        }
        List<SpanData> spans = finishedSpans();
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));

        assertThat(spans).allSatisfy(span -> {
            if (span.getParentSpanContext().isValid()) {
                SpanData parent = byId.get(span.getParentSpanId());
                assertThat(parent).as("parent of %s", span.getName()).isNotNull();
                assertThat(parent.getTraceId()).isEqualTo(span.getTraceId());
            } else {
                assertThat(span.getName()).startsWith("qbauth ");
            }
        });
        assertThat(spans).filteredOn(span -> span.getName().startsWith("GET ") || span.getName().startsWith("POST ")
                || span.getName().startsWith("DELETE ")).isNotEmpty()
                .allSatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT));

        SpanData replay = spans.stream().filter(span -> span.getName().equals("request replay")).findFirst()
                .orElseThrow();
        assertThat(byId.get(replay.getParentSpanId()).getName()).isEqualTo("qbauth api_call");
        List<SpanData> inReplay = children(spans, replay);
        assertThat(inReplay).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("session acquisition", "GET /users/{id}.json");
        SpanData acquisition = inReplay.stream().filter(span -> span.getName().equals("session acquisition"))
                .findFirst().orElseThrow();
        assertThat(acquisition.getAttributes().asMap().toString()).contains("outcome=created");
        SpanData creation = single(children(spans, acquisition));
        assertThat(creation.getName()).isEqualTo("session creation");
        assertThat(attribute(creation, "reason")).isEqualTo("rejected_by_server");
        assertThat(single(children(spans, creation)).getName()).isEqualTo("POST /session.json");

        SpanData failedLogin = spans.stream().filter(span -> span.getName().equals("qbauth login")
                && "failure".equals(attribute(span, "outcome"))).findFirst().orElseThrow();
        assertThat(failedLogin.getStatus().getStatusCode().name()).isEqualTo("ERROR");
        assertThat(failedLogin.getEvents()).extracting(EventData::getName).contains("exception");
    }

    @Test
    void joiners_name_the_creation_they_waited_for() {
        try (QbAuthClient client = client(false)) {
            ScriptedJourney.run(client, emulator, emulatorClock);
        }
        List<SpanData> spans = finishedSpans();
        List<SpanData> joined = spans.stream().filter(span -> "joined".equals(attribute(span, "outcome"))).toList();

        assertThat(joined).hasSizeGreaterThanOrEqualTo(ScriptedJourney.CONCURRENT_CALLS - 1);
        String creationId = attribute(joined.get(0), "qbauth.session.creation.id");
        SpanData creation = spans.stream().filter(span -> span.getName().equals("session creation")
                && creationId.equals(attribute(span, "qbauth.session.creation.id"))).findFirst().orElseThrow();
        assertThat(attribute(creation, "reason")).isEqualTo("initial");
        assertThat(joined).allSatisfy(span -> assertThat(span.getTraceId()).isNotEqualTo(creation.getTraceId())
                .as("a joiner is in its own caller's trace"));
    }

    @Test
    void no_span_attribute_or_event_holds_a_secret_a_token_a_password_a_login_or_a_user_id() {
        ScriptedJourney.Seen seen;
        try (QbAuthClient client = client(false)) {
            seen = ScriptedJourney.run(client, emulator, emulatorClock);
        }
        List<String> texts = new ArrayList<>();
        for (SpanData span : finishedSpans()) {
            texts.add(span.getName());
            texts.add(span.getStatus().getDescription());
            collect(span.getAttributes(), texts);
            for (EventData event : span.getEvents()) {
                texts.add(event.getName());
                collect(event.getAttributes(), texts);
            }
        }
        assertThat(texts).isNotEmpty();
        List<String> secrets = new ArrayList<>(List.of(Emulators.AUTH_SECRET, Emulators.AUTH_KEY,
                Emulators.ALICE_PASSWORD, Emulators.ALICE, "/users/" + seen.aliceId() + ".json"));
        secrets.addAll(seen.tokens());
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("span text").doesNotContain(secret);
            }
            assertThat(text).isNotEqualTo(Long.toString(seen.aliceId()));
        }
    }

    @Test
    void the_trace_context_goes_out_only_when_propagation_is_on() {
        try (QbAuthClient client = client(false)) {
            client.blocking().getSession();
        }
        assertThat(sent).isNotEmpty().allSatisfy(request -> assertThat(request.headers()).doesNotContainKey(
                "traceparent"));
        sent.clear();
        tracing.exporter().reset();

        try (QbAuthClient client = client(true)) {
            client.blocking().getSession();
        }
        List<SpanData> spans = finishedSpans();
        assertThat(sent).hasSize(2).allSatisfy(request -> {
            String traceparent = header(request, "traceparent").orElseThrow();
            String[] parts = traceparent.split("-");
            SpanData exchange = spans.stream().filter(span -> span.getSpanId().equals(parts[2])).findFirst()
                    .orElseThrow();
            assertThat(exchange.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(exchange.getTraceId()).isEqualTo(parts[1]);
            assertThat(exchange.getName()).isEqualTo(request.method() + " " + request.uriTemplate());
        });
    }

    private QbAuthClient client(boolean propagate) {
        QbAuth.Builder builder = Emulators.client(emulator)
                .decorateTransport(Recording::new)
                .instrumentation(QbAuthObservations.instrumentation(tracing.registry())
                        .propagateTraceContext(propagate));
        return builder.build();
    }

    /** The finished spans, once the last started observation has ended (stops follow the callers' completion). */
    private List<SpanData> finishedSpans() {
        long deadline = System.nanoTime() + BOUND.toNanos();
        int count = -1;
        while (true) {
            List<SpanData> spans = tracing.exporter().getFinishedSpanItems();
            if (spans.size() == count && tracing.registry().getCurrentObservation() == null) {
                return spans;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("spans still arriving after " + BOUND);
            }
            count = spans.size();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
        return spans.stream().filter(span -> span.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    private static SpanData single(List<SpanData> spans) {
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(entry -> entry.getKey().getKey().equals(key))
                .map(entry -> String.valueOf(entry.getValue())).findFirst().orElse(null);
    }

    private static void collect(Attributes attributes, List<String> texts) {
        attributes.forEach((key, value) -> {
            texts.add(key.getKey());
            texts.add(String.valueOf(value));
        });
    }

    private static Optional<String> header(TransportRequest request, String name) {
        return request.headers().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).findFirst();
    }

    /** Records every request the client sends, then lets the real transport send it. */
    private final class Recording implements AuthTransport {
        private final AuthTransport delegate;

        Recording(AuthTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<ApiResponse> execute(TransportRequest request) {
            sent.add(request);
            return delegate.execute(request);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
