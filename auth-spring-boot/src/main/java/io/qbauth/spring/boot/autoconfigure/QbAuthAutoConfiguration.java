package io.qbauth.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.config.QbAuthConfig;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.JsonCodec;
import io.vertx.core.Vertx;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
@Import({QbAuthAutoConfiguration.VertxTransportConfiguration.class,
        QbAuthAutoConfiguration.JdkTransportConfiguration.class,
        QbAuthAutoConfiguration.MetricsConfiguration.class,
        QbAuthSanitizingConfiguration.class})
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
                                     ObjectProvider<JsonCodec> codec,
                                     ObjectProvider<QbAuthBuilderCustomizer> customizers,
                                     SessionCreationRecorder creations) {
        QbAuth.Builder builder = builder(config, qbAuthTransport, codec).listener(creations);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The blocking facade of the client (nothing to close of its own). */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public BlockingQbAuthClient qbAuthBlockingClient(QbAuthClient client) {
        return client.blocking();
    }

    /**
     * The many-users pool ({@code qbauth.pool.*}) on the same transport. Lazy: no pool (and no sweeper thread)
     * unless something injects it; closed with the context.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "qbauth.pool.enabled", matchIfMissing = true)
    public UserPool qbAuthUserPool(QbAuthConfig config, QbAuthProperties properties, AuthTransport qbAuthTransport,
                                   ObjectProvider<JsonCodec> codec,
                                   ObjectProvider<QbAuthBuilderCustomizer> customizers) {
        QbAuth.Builder builder = builder(config, qbAuthTransport, codec);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.buildUserPool(QbAuthSettings.poolConfig(properties.getPool()));
    }

    private static QbAuth.Builder builder(QbAuthConfig config, AuthTransport transport,
                                          ObjectProvider<JsonCodec> codec) {
        QbAuth.Builder builder = QbAuth.builder().config(config).transport(transport);
        codec.ifAvailable(builder::codec);
        return builder;
    }

    /** The Vert.x transport, when auth-transport-vertx is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({VertxAuthTransport.class, Vertx.class})
    @ConditionalOnMissingBean(AuthTransport.class)
    static class VertxTransportConfiguration {

        /** On the application's Vert.x, which stays the application's: closing the transport leaves it running. */
        @Bean(destroyMethod = "close")
        @ConditionalOnBean(Vertx.class)
        @ConditionalOnTransportType({QbAuthProperties.TransportType.AUTO, QbAuthProperties.TransportType.VERTX})
        AuthTransport qbAuthTransport(Vertx vertx, QbAuthConfig config) {
            return QbAuthSettings.withTransportProperties(() -> VertxAuthTransport.create(vertx,
                    config.transportConfig()));
        }

        /** {@code qbauth.transport.type=vertx} without a {@code Vertx} bean: a Vert.x of its own, closed with it. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(Vertx.class)
        @ConditionalOnTransportType(QbAuthProperties.TransportType.VERTX)
        AuthTransport qbAuthOwnVertxTransport(QbAuthConfig config) {
            return QbAuthSettings.withTransportProperties(() -> VertxAuthTransport.create(config.transportConfig()));
        }
    }

    /** The JDK transport: the default. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(AuthTransport.class)
    @ConditionalOnTransportType({QbAuthProperties.TransportType.AUTO, QbAuthProperties.TransportType.JDK})
    static class JdkTransportConfiguration {

        @Bean(destroyMethod = "close")
        AuthTransport qbAuthTransport(QbAuthConfig config) {
            return DiscoveredTransports.jdk(config.transportConfig(), QbAuthAutoConfiguration.class.getClassLoader());
        }
    }

    /** The qbauth meters on the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({QbAuthMetrics.class, MeterRegistry.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        QbAuthBuilderCustomizer qbAuthMetricsCustomizer(MeterRegistry registry) {
            return builder -> QbAuthMetrics.instrument(builder, registry);
        }
    }
}
