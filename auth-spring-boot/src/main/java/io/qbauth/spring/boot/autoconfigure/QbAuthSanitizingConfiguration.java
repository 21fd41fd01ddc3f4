package io.qbauth.spring.boot.autoconfigure;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks the qbauth secrets in {@code /actuator/env} and {@code /actuator/configprops}, also where an application
 * shows values ({@code management.endpoint.env.show-values=always}): the auth secret, the API key, the account key,
 * the Redis store's URI (it may carry a password) and its encryption key, in every spelling Spring Boot binds
 * ({@code qbauth.auth-secret}, {@code QBAUTH_AUTHSECRET}, {@code qbauth.authSecret}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class QbAuthSanitizingConfiguration {

    /** The secret properties, lower case without separators. */
    static final List<String> SECRETS = List.of("qbauthauthsecret", "qbauthapikey", "qbauthaccountkey",
            "qbauthstoreredisuri", "qbauthstoreredisencryptionkey");

    @Bean
    SanitizingFunction qbAuthSanitizingFunction() {
        return SanitizingFunction.sanitizeValue().ifMatches(QbAuthSanitizingConfiguration::isSecret);
    }

    static boolean isSecret(SanitizableData data) {
        String key = data.getKey();
        if (key == null) {
            return false;
        }
        StringBuilder normalized = new StringBuilder(key.length());
        key.toLowerCase(Locale.ROOT).chars().filter(Character::isLetterOrDigit).forEach(c -> normalized.append((char) c));
        String name = normalized.toString();
        return SECRETS.stream().anyMatch(name::endsWith);
    }
}
