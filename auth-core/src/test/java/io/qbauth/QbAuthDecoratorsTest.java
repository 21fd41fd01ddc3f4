package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SessionPayload;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link QbAuth.Builder#decorateTransport}: order, ownership, errors. */
class QbAuthDecoratorsTest {

    private final List<String> trail = new CopyOnWriteArrayList<>();
    private final AuthTransport given = new Recording("given", null);

    @Test
    void transport_decorators_wrap_the_given_transport_first_added_innermost() {
        try (QbAuthClient client = builder()
                .decorateTransport(inner -> new Recording("first", inner))
                .decorateTransport(inner -> new Recording("second", inner))
                .build()) {

            assertThatThrownBy(() -> client.blocking().createApplicationSession())
                    .isInstanceOf(ServerException.class);
            assertThat(trail).containsExactly("second:execute", "first:execute", "given:execute");
            assertThat(client.toString()).contains("transport=given");
        }
    }

    @Test
    void closing_the_client_never_closes_a_given_transport_even_when_decorated() {
        QbAuthClient client = builder().decorateTransport(inner -> new Recording("metered", inner)).build();

        client.close();

        assertThat(trail).doesNotContain("metered:close", "given:close");
    }

    @Test
    void a_null_decorator_is_refused_at_once() {
        assertThatThrownBy(() -> builder().decorateTransport(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("transport decorator");
    }

    @Test
    void a_decorator_that_returns_null_or_fails_fails_the_build() {
        assertThatThrownBy(() -> builder().decorateTransport(inner -> null).build())
                .isInstanceOf(ConfigurationException.class).hasMessage("a transport decorator returned null");
        assertThatThrownBy(() -> builder().decorateTransport(inner -> {
            throw new IllegalStateException("boom");
        }).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("a transport decorator failed: IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    private QbAuth.Builder builder() {
        return QbAuth.builder()
                .endpoint(URI.create("http://127.0.0.1:9"))
                .allowPlainHttp(true)
                .applicationId(1)
                .authKey("key")
                .authSecret("secret")
                .transport(given)
                .codec(new ErrorsOnlyCodec());
    }

    /** Records every call; the innermost one answers 500. */
    private final class Recording implements AuthTransport {
        private final String name;
        private final AuthTransport delegate;

        Recording(String name, AuthTransport delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<ApiResponse> execute(TransportRequest request) {
            trail.add(name + ":execute");
            return delegate != null ? delegate.execute(request)
                    : CompletableFuture.completedFuture(new ApiResponse(500, Map.of(), new byte[0]));
        }

        @Override
        public String name() {
            return delegate != null ? delegate.name() : name;
        }

        @Override
        public void close() {
            trail.add(name + ":close");
            if (delegate != null) {
                delegate.close();
            }
        }
    }

    /** Enough of a codec for error replies: every error body reads as "no details". */
    private static final class ErrorsOnlyCodec implements JsonCodec {
        @Override
        public SessionPayload readSession(byte[] body, int status) {
            throw new ProtocolException("not in this test", status, ErrorDetails.NONE);
        }

        @Override
        public User readUser(byte[] body, int status) {
            throw new ProtocolException("not in this test", status, ErrorDetails.NONE);
        }

        @Override
        public ErrorDetails readErrors(byte[] body, int status) {
            return ErrorDetails.NONE;
        }

        @Override
        public byte[] write(Object tree) {
            return new byte[0];
        }
    }
}
