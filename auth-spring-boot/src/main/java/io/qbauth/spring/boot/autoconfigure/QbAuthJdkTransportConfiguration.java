package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.spi.AuthTransport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JDK transport: the default. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(AuthTransport.class)
@ConditionalOnTransportType({QbAuthProperties.TransportType.AUTO, QbAuthProperties.TransportType.JDK})
class QbAuthJdkTransportConfiguration {

    @Bean(destroyMethod = "close")
    AuthTransport qbAuthTransport(QbAuthConfig config) {
        return DiscoveredTransports.jdk(config.transportConfig(), QbAuthAutoConfiguration.class.getClassLoader());
    }
}
