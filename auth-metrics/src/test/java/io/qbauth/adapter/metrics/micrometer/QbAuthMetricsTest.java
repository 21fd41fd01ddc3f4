package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.support.InMemoryQuickBlox;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one-line setup: what it wires, with a given or a discovered transport. */
class QbAuthMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_session_gone_reply_is_counted_through_the_whole_lifecycle() {
        InMemoryQuickBlox quickBlox = new InMemoryQuickBlox();
        try (QbAuthClient client = builder().transport(quickBlox).build()) {
            client.blocking().login(Credentials.login("someone", "pw-1"));
            quickBlox.rejectNextCalls(1);

            client.blocking().execute(ApiRequest.get("/users/7.json"));
        }

        assertThat(count("qbauth.session.creations", "reason", "explicit", "session.kind", "application",
                "result", "success")).isEqualTo(1);
        assertThat(count("qbauth.logins", "auth.method", "login")).isEqualTo(1);
        assertThat(count("qbauth.session.invalidations", "outcome", "invalidated")).isEqualTo(1);
        assertThat(count("qbauth.session.expirations", "session.kind", "user")).isEqualTo(1);
        assertThat(count("qbauth.session.creations", "reason", "rejected_by_server", "session.kind", "user",
                "auth.method", "login", "result", "success")).isEqualTo(1);
        assertThat(count("qbauth.session.recreations", "session.kind", "user")).isEqualTo(1);
        assertThat(count("qbauth.reauth.replays", "method", "GET", "result", "replayed")).isEqualTo(1);
        assertThat(registry.get("qbauth.http.client.requests").tags("uri", "/users/{id}.json", "status", "401")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("qbauth.operations").tags("operation", "api_call", "outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void a_discovered_transport_is_timed_under_its_name_and_still_closed_by_the_client() {
        AtomicInteger closes = new AtomicInteger();
        QbAuthClient client = builder()
                .endpoint(URI.create("http://127.0.0.1:9"))
                .decorateTransport(metered -> new CloseCounting(metered, closes))
                .build();

        assertThatThrownBy(() -> client.blocking().createApplicationSession())
                .isInstanceOf(TransportException.class);
        client.close();

        assertThat(registry.get("qbauth.http.client.requests").tags("client.name", "jdk", "status", "IO_ERROR")
                .timer().count()).isEqualTo(1);
        assertThat(closes).as("the client owns a discovered transport, decorated or not").hasValue(1);
    }

    @Test
    void missing_arguments_are_configuration_errors() {
        Tags none = Tags.empty();
        assertThatThrownBy(() -> QbAuthMetrics.instrument(null, registry))
                .isInstanceOf(ConfigurationException.class).hasMessage("builder is required");
        assertThatThrownBy(() -> QbAuthMetrics.instrument(QbAuth.builder(), null, none))
                .isInstanceOf(ConfigurationException.class).hasMessage("registry is required");
        assertThatThrownBy(() -> QbAuthMetrics.instrument(QbAuth.builder(), registry, null))
                .isInstanceOf(ConfigurationException.class).hasMessage("tags is required");
    }

    @Test
    void session_creations_are_timed_with_their_kind_method_and_outcome() {
        InMemoryQuickBlox quickBlox = new InMemoryQuickBlox();
        try (QbAuthClient client = builder().transport(quickBlox).build()) {
            client.blocking().createApplicationSession();
            assertThatThrownBy(() -> client.blocking().createUserSession(
                    Credentials.login("someone", InMemoryQuickBlox.WRONG_PASSWORD)));
        }

        assertThat(registry.get(QbAuthMetrics.SESSION_CREATION).tags("session.kind", "application", "auth.method",
                "none", "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get(QbAuthMetrics.SESSION_CREATION).tags("session.kind", "user", "auth.method", "login",
                "outcome", "failure").timer().count()).isEqualTo(1);
    }

    private QbAuth.Builder builder() {
        return QbAuthMetrics.instrument(QbAuth.builder(), registry)
                .endpoint(URI.create("https://api.example.com"))
                .allowPlainHttp(true)
                .applicationId(1).authKey("key").authSecret("secret");
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    /** Counts close() and delegates everything. */
    private record CloseCounting(AuthTransport delegate, AtomicInteger closes) implements AuthTransport {
        @Override
        public CompletionStage<ApiResponse> execute(TransportRequest request) {
            return delegate.execute(request);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            delegate.close();
        }
    }
}
