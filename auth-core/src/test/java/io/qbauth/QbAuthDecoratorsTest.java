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

/** {@link QbAuth.Builder#decorateTransport} and {@link QbAuth.Builder#decorateClient}: order, ownership, errors. */
class QbAuthDecoratorsTest {

    private final List<String> trail = new CopyOnWriteArrayList<>();
    private final AuthTransport given = new Recording("given", null);

    @Test
    void transportDecoratorsWrapTheGivenTransportFirstAddedInnermost() {
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
    void closingTheClientNeverClosesAGivenTransportEvenWhenDecorated() {
        QbAuthClient client = builder().decorateTransport(inner -> new Recording("metered", inner)).build();

        client.close();

        assertThat(trail).doesNotContain("metered:close", "given:close");
    }

    @Test
    void clientDecoratorsApplyInOrderAndTheOutermostIsBuilt() {
        QbAuthClient client = builder()
                .decorateClient(inner -> new Named("first", inner))
                .decorateClient(inner -> new Named("second", inner))
                .build();

        assertThat(client).isInstanceOf(Named.class);
        assertThat(((Named) client).name).isEqualTo("second");
        assertThat(((Named) ((Named) client).delegate).name).isEqualTo("first");
    }

    @Test
    void nullDecoratorsAreRefusedAtOnce() {
        assertThatThrownBy(() -> builder().decorateTransport(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("transport decorator");
        assertThatThrownBy(() -> builder().decorateClient(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("client decorator");
    }

    @Test
    void aDecoratorThatReturnsNullOrFailsFailsTheBuild() {
        assertThatThrownBy(() -> builder().decorateTransport(inner -> null).build())
                .isInstanceOf(ConfigurationException.class).hasMessage("a transport decorator returned null");
        assertThatThrownBy(() -> builder().decorateClient(inner -> {
            throw new IllegalStateException("boom");
        }).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("a client decorator failed: IllegalStateException")
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

    /** A client decorator that only remembers its name and what it wraps. */
    private static final class Named implements QbAuthClient {
        final String name;
        final QbAuthClient delegate;

        Named(String name, QbAuthClient delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<Session> createApplicationSession() {
            return delegate.createApplicationSession();
        }

        @Override
        public CompletionStage<Session> createUserSession(Credentials credentials) {
            return delegate.createUserSession(credentials);
        }

        @Override
        public CompletionStage<Session> getSession() {
            return delegate.getSession();
        }

        @Override
        public CompletionStage<User> signUp(NewUser user) {
            return delegate.signUp(user);
        }

        @Override
        public CompletionStage<User> signUpWithApiKey(NewUser user) {
            return delegate.signUpWithApiKey(user);
        }

        @Override
        public CompletionStage<User> login(Credentials credentials) {
            return delegate.login(credentials);
        }

        @Override
        public CompletionStage<Void> logout() {
            return delegate.logout();
        }

        @Override
        public CompletionStage<Void> destroySession() {
            return delegate.destroySession();
        }

        @Override
        public CompletionStage<Session> startSessionWithToken(String token) {
            return delegate.startSessionWithToken(token);
        }

        @Override
        public Optional<Session> currentSession() {
            return delegate.currentSession();
        }

        @Override
        public CompletionStage<ApiResponse> execute(ApiRequest request) {
            return delegate.execute(request);
        }

        @Override
        public void close() {
            delegate.close();
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
