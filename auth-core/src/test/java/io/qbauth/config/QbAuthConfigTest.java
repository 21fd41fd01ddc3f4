package io.qbauth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QbAuthConfigTest {

    private static QbAuthConfig.Builder valid() {
        return QbAuthConfig.builder().applicationId(12345).authKey("auth-key-secret").authSecret("auth-secret-secret");
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("applicationId", (UnaryOperator<QbAuthConfig.Builder>) b -> b.applicationId(0)),
                Arguments.of("applicationId", (UnaryOperator<QbAuthConfig.Builder>) b -> b.applicationId(-1)),
                Arguments.of("authKey", (UnaryOperator<QbAuthConfig.Builder>) b -> b.authKey(null)),
                Arguments.of("authKey", (UnaryOperator<QbAuthConfig.Builder>) b -> b.authKey(" ")),
                Arguments.of("authSecret", (UnaryOperator<QbAuthConfig.Builder>) b -> b.authSecret(null)),
                Arguments.of("authSecret", (UnaryOperator<QbAuthConfig.Builder>) b -> b.authSecret("bad\nsecret")),
                Arguments.of("authSecret",
                        (UnaryOperator<QbAuthConfig.Builder>) b -> b.authSecret("s".repeat(513))),
                Arguments.of("accountKey", (UnaryOperator<QbAuthConfig.Builder>) b -> b.accountKey("")),
                Arguments.of("apiKey", (UnaryOperator<QbAuthConfig.Builder>) b -> b.apiKey("\u0007")),
                Arguments.of("endpoint", (UnaryOperator<QbAuthConfig.Builder>) b -> b.endpoint(null)),
                Arguments.of("endpoint",
                        (UnaryOperator<QbAuthConfig.Builder>) b -> b.endpoint(URI.create("ftp://qb.example"))),
                Arguments.of("endpoint", (UnaryOperator<QbAuthConfig.Builder>) b -> b.endpoint(URI.create("/relative"))),
                Arguments.of("endpoint",
                        (UnaryOperator<QbAuthConfig.Builder>) b -> b.endpoint(URI.create("https://u:p@qb.example"))),
                Arguments.of("endpoint",
                        (UnaryOperator<QbAuthConfig.Builder>) b -> b.endpoint(URI.create("https://qb.example?x=1"))),
                Arguments.of("endpoint",
                        (UnaryOperator<QbAuthConfig.Builder>) b -> b.endpoint(URI.create("http://qb.example"))),
                Arguments.of("signatureAlgorithm",
                        (UnaryOperator<QbAuthConfig.Builder>) b -> b.signatureAlgorithm(null)),
                Arguments.of("transportConfig", (UnaryOperator<QbAuthConfig.Builder>) b -> b.transportConfig(null)),
                Arguments.of("refreshPolicy", (UnaryOperator<QbAuthConfig.Builder>) b -> b.refreshPolicy(null)),
                Arguments.of("reauthPolicy", (UnaryOperator<QbAuthConfig.Builder>) b -> b.reauthPolicy(null)),
                Arguments.of("clock", (UnaryOperator<QbAuthConfig.Builder>) b -> b.clock(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void every_invalid_field_fails_at_build_naming_it_and_no_secret(String field,
                                                                   UnaryOperator<QbAuthConfig.Builder> breakIt) {
        assertThatThrownBy(() -> breakIt.apply(valid()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(field)
                .hasMessageNotContaining("secret-secret")
                .hasMessageNotContaining("key-secret");
    }

    @Test
    void plain_http_needs_an_explicit_opt_in_and_trailing_slashes_are_dropped() {
        QbAuthConfig local = valid().endpoint(URI.create("http://127.0.0.1:8080/")).allowPlainHttp(true).build();

        assertThat(local.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(valid().build().endpoint()).isEqualTo(QbAuthConfig.DEFAULT_ENDPOINT);
    }

    @Test
    void to_string_hides_keys_and_secret_and_to_builder_round_trips() {
        QbAuthConfig config = valid().accountKey("account-key-secret").apiKey("api-key-secret").build();

        assertThat(config.toString()).contains("applicationId=12345").doesNotContain("secret");
        QbAuthConfig copy = config.toBuilder().build();
        assertThat(copy.authSecret()).isEqualTo("auth-secret-secret");
        assertThat(copy.apiKey()).contains("api-key-secret");
        assertThat(copy.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.HMAC_SHA1);
    }

    @Test
    void refresh_policy_defaults_and_validation() {
        RefreshPolicy defaults = RefreshPolicy.ofDefaults();
        assertThat(defaults.prefetchMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.staleMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.fallbackTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.minRetryInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(defaults.maxRetryInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RefreshPolicy.from(defaults).staleMargin(Duration.ofSeconds(5)).build().staleMargin())
                .isEqualTo(Duration.ofSeconds(5));

        assertThatThrownBy(() -> RefreshPolicy.custom().prefetchMargin(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("prefetchMargin");
        assertThatThrownBy(() -> RefreshPolicy.custom().staleMargin(Duration.ofMinutes(10)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("staleMargin");
        assertThatThrownBy(() -> RefreshPolicy.custom().fallbackTtl(Duration.ofMinutes(1)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("prefetchMargin");
        assertThatThrownBy(() -> RefreshPolicy.custom().minRetryInterval(Duration.ofMinutes(1)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("minRetryInterval");
        assertThatThrownBy(() -> RefreshPolicy.custom().maxRetryInterval(null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("maxRetryInterval");
    }

    @Test
    void reauth_policy_defaults_to_replaying_non_idempotent_calls() {
        assertThat(ReauthPolicy.ofDefaults().replayNonIdempotentAfterSessionExpiry()).isTrue();
        ReauthPolicy strict = ReauthPolicy.custom().replayNonIdempotentAfterSessionExpiry(false).build();
        assertThat(ReauthPolicy.from(strict).build().replayNonIdempotentAfterSessionExpiry()).isFalse();
    }
}
