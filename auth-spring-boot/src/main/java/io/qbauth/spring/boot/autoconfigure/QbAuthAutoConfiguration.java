package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SharedSessionStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of qbauth from the {@code qbauth.*} properties ({@link QbAuthProperties}). Beans, each backing
 * off when the application defines one of the same type:
 * <ul>
 *   <li>{@link QbAuthConfig} from the properties; an invalid one fails the start-up with a failure analysis that
 *       names the property;</li>
 *   <li>{@link AuthTransport}: the Vert.x transport on the application's {@code Vertx} bean when
 *       auth-transport-vertx is present (that {@code Vertx} is never closed), else the JDK transport; closed with the
 *       context;</li>
 *   <li>{@link QbAuthClient} (closed with the context) and its {@link BlockingQbAuthClient};</li>
 *   <li>{@link UserPool}, lazy: created only when something injects it ({@code qbauth.pool.enabled=false} removes
 *       it);</li>
 *   <li>with a {@code MeterRegistry} bean and auth-metrics present: the qbauth meters on that registry;</li>
 *   <li>with auth-store-redis present and {@code qbauth.store.redis.uri} set: a {@code RedisSessionStore} shared by
 *       the client and the pool (any {@code SharedSessionStore} bean of the application is used instead), closed with
 *       the context;</li>
 *   <li>with Spring Boot's actuator: the secrets masked in {@code /actuator/env} and {@code /actuator/configprops}.</li>
 * </ul>
 * Every {@link QbAuthBuilderCustomizer} bean adjusts the builders last.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(QbAuthProperties.class)
// in this order: a Vert.x transport, if chosen, before the JDK one (each backs off when an AuthTransport exists)
@Import({QbAuthVertxTransportConfiguration.class, QbAuthJdkTransportConfiguration.class,
        QbAuthMetricsConfiguration.class, QbAuthRedisStoreConfiguration.class, QbAuthSanitizingConfiguration.class})
public class QbAuthAutoConfiguration {

    /** Created by Spring. */
    public QbAuthAutoConfiguration() {
    }

    /** The client config from {@code qbauth.*}. */
    @Bean
    @ConditionalOnMissingBean
    public QbAuthConfig qbAuthConfig(QbAuthProperties properties) {
        return QbAuthSettings.clientConfig(properties);
    }

    @Bean
    SessionCreationRecorder qbAuthSessionCreationRecorder() {
        return new SessionCreationRecorder();
    }

    /** The client, on the {@link AuthTransport} bean; closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public QbAuthClient qbAuthClient(QbAuthConfig config, AuthTransport qbAuthTransport,
                                     ObjectProvider<JsonCodec> codec, ObjectProvider<SharedSessionStore> store,
                                     ObjectProvider<QbAuthBuilderCustomizer> customizers,
                                     SessionCreationRecorder creations) {
        QbAuth.Builder builder = builder(config, qbAuthTransport, codec, store).listener(creations);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The blocking facade of the client (nothing to close of its own). */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public BlockingQbAuthClient qbAuthBlockingClient(QbAuthClient client) {
        return client.blocking();
    }

    /** The pool bounds from {@code qbauth.pool.*}: checked at start-up, though the pool itself is lazy. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "qbauth.pool.enabled", matchIfMissing = true)
    public UserPoolConfig qbAuthUserPoolConfig(QbAuthProperties properties) {
        return QbAuthSettings.poolConfig(properties.getPool());
    }

    /**
     * The many-users pool ({@code qbauth.pool.*}) on the same transport. Lazy: no pool (and no sweeper thread)
     * unless something injects it; closed with the context.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "qbauth.pool.enabled", matchIfMissing = true)
    public UserPool qbAuthUserPool(QbAuthConfig config, UserPoolConfig poolConfig, AuthTransport qbAuthTransport,
                                   ObjectProvider<JsonCodec> codec, ObjectProvider<SharedSessionStore> store,
                                   ObjectProvider<QbAuthBuilderCustomizer> customizers) {
        QbAuth.Builder builder = builder(config, qbAuthTransport, codec, store);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.buildUserPool(poolConfig);
    }

    private static QbAuth.Builder builder(QbAuthConfig config, AuthTransport transport,
                                          ObjectProvider<JsonCodec> codec, ObjectProvider<SharedSessionStore> store) {
        QbAuth.Builder builder = QbAuth.builder().config(config).transport(transport);
        codec.ifAvailable(builder::codec);
        store.ifAvailable(builder::sharedStore);
        return builder;
    }
}
