package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.config.QbAuthConfig;
import io.qbauth.spi.AuthTransport;
import io.vertx.core.Vertx;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Vert.x transport, when auth-transport-vertx is present. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({VertxAuthTransport.class, Vertx.class})
@ConditionalOnMissingBean(AuthTransport.class)
class QbAuthVertxTransportConfiguration {

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
