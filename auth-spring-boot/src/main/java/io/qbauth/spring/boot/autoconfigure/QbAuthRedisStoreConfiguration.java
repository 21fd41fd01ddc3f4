package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.adapter.store.redis.AesGcmSessionCipher;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.spi.SharedSessionStore;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis session store shared by every instance of the service ({@code docs/FLEET.md}), when auth-store-redis is
 * present and {@code qbauth.store.redis.uri} is set: the client and the pool share their sessions through it. The
 * auto-configuration creates it, so the context closes it (after the client and the pool, which never close a
 * store they were given).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RedisSessionStore.class)
class QbAuthRedisStoreConfiguration {

    private static final Map<String, String> FIELDS = Map.of("uri", "qbauth.store.redis.uri",
            "keyPrefix", "qbauth.store.redis.key-prefix", "cipher", "qbauth.store.redis.encryption-key",
            "operationTimeout", "qbauth.store.redis.operation-timeout");

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("qbauth.store.redis.uri")
    @ConditionalOnMissingBean(SharedSessionStore.class)
    RedisSessionStore qbAuthRedisSessionStore(QbAuthProperties properties) {
        QbAuthProperties.Redis redis = properties.getStore().getRedis();
        AesGcmSessionCipher cipher = AesGcmSessionCipher.withKey(encryptionKey(redis.getEncryptionKey()));
        return QbAuthSettings.build(FIELDS, () -> RedisSessionStore.builder().uri(redis.getUri())
                .keyPrefix(redis.getKeyPrefix()).operationTimeout(redis.getOperationTimeout()).cipher(cipher).build());
    }

    /**
     * What the health component shows of a Redis store, the auto-configured one (declared above, so registered
     * first) or the application's.
     */
    @Bean
    @ConditionalOnBean(RedisSessionStore.class)
    StoreReachability qbAuthStoreReachability(ObjectProvider<RedisSessionStore> store) {
        return () -> store.getObject().isAvailable();
    }

    /** The 32-byte AES key from its base64 text; the message names the property, never the value. */
    static byte[] encryptionKey(String base64) {
        String property = "qbauth.store.redis.encryption-key";
        if (base64 == null || base64.isBlank()) {
            throw new InvalidQbAuthPropertyException(property, property + " must be set with qbauth.store.redis.uri:"
                    + " 32 random bytes, base64 (e.g. openssl rand -base64 32), the same on every instance", null);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidQbAuthPropertyException(property, property + " must be base64 (of 32 bytes)", null);
        }
        if (key.length != 32) {
            throw new InvalidQbAuthPropertyException(property, property + " must be 32 bytes (AES-256), base64", null);
        }
        return key;
    }
}
