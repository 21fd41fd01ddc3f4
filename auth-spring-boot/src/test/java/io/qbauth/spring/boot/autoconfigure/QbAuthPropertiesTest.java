package io.qbauth.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.ReauthPolicy;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/** The property defaults are the SDK's own, and the secret ones are masked. */
class QbAuthPropertiesTest {

    @Test
    void the_defaults_are_the_sdk_defaults() {
        QbAuthProperties properties = new QbAuthProperties();
        properties.setApplicationId(1L);
        properties.setAuthKey("key");
        properties.setAuthSecret("secret");
        QbAuthConfig config = QbAuthSettings.clientConfig(properties);
        QbAuthConfig sdk = QbAuthConfig.builder().applicationId(1).authKey("key").authSecret("secret").build();

        assertThat(config.endpoint()).isEqualTo(sdk.endpoint());
        assertThat(config.allowPlainHttp()).isEqualTo(sdk.allowPlainHttp());
        assertThat(config.signatureAlgorithm()).isEqualTo(sdk.signatureAlgorithm());
        assertThat(config.transportConfig()).isEqualTo(TransportConfig.defaults());
        assertThat(config.refreshPolicy()).hasToString(RefreshPolicy.ofDefaults().toString());
        assertThat(config.reauthPolicy()).hasToString(ReauthPolicy.ofDefaults().toString());
        assertThat(QbAuthSettings.poolConfig(properties.getPool())).hasToString(UserPoolConfig.defaults().toString());
        assertThat(properties.getTransport().getType()).isEqualTo(QbAuthProperties.TransportType.AUTO);
    }

    @Test
    void the_secrets_are_masked_in_every_spelling_and_nothing_else() {
        SanitizingFunction function = new QbAuthSanitizingConfiguration().qbAuthSanitizingFunction();
        for (String key : new String[] {"qbauth.auth-secret", "QBAUTH_AUTHSECRET", "qbauth.authSecret",
                "qbauth.api-key", "QBAUTH_API_KEY", "qbauth.account-key", "qbauth.store.redis.uri",
                "qbauth.store.redis.encryption-key", "QBAUTH_STORE_REDIS_ENCRYPTIONKEY"}) {
            assertThat(function.applyUnlessFiltered(new SanitizableData(null, key, "s3cr3t")).getValue())
                    .as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
        for (String key : new String[] {"qbauth.auth-key", "qbauth.application-id", "qbauth.endpoint",
                "qbauth.store.redis.key-prefix", "server.port"}) {
            assertThat(function.applyUnlessFiltered(new SanitizableData(null, key, "visible")).getValue())
                    .as(key).isEqualTo("visible");
        }
    }
}
