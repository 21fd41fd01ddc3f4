package io.qbauth.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The qbauth meters on the application's registry. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({QbAuthMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
class QbAuthMetricsConfiguration {

    @Bean
    QbAuthBuilderCustomizer qbAuthMetricsCustomizer(MeterRegistry registry) {
        return builder -> QbAuthMetrics.instrument(builder, registry);
    }
}
