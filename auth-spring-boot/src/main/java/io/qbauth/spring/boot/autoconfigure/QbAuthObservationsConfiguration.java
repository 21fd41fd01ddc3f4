package io.qbauth.spring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The qbauth observations ({@code qbauth.client.*}: operations, session acquisitions and creations, HTTP exchanges,
 * replays) on the application's {@code ObservationRegistry}, so Spring Boot's tracing makes spans of them, children
 * of the request being served. Off with {@code qbauth.observations.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({QbAuthObservations.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "qbauth.observations.enabled", matchIfMissing = true)
class QbAuthObservationsConfiguration {

    @Bean
    QbAuthBuilderCustomizer qbAuthObservationsCustomizer(ObservationRegistry registry, QbAuthProperties properties) {
        boolean propagate = properties.getObservations().isPropagateTraceContext();
        return builder -> builder.instrumentation(QbAuthObservations.instrumentation(registry)
                .propagateTraceContext(propagate));
    }
}
