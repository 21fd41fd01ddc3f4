package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.QbAuthClient;
import io.qbauth.config.QbAuthConfig;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code qbauth} health component ({@link QbAuthHealthIndicator}) when Spring Boot's health module is present
 * and a {@link QbAuthClient} bean exists; {@code management.health.qbauth.enabled=false} removes it. It never calls
 * QuickBlox.
 */
@AutoConfiguration(after = QbAuthAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(QbAuthClient.class)
@ConditionalOnEnabledHealthIndicator("qbauth")
public class QbAuthHealthAutoConfiguration {

    /** Created by Spring. */
    public QbAuthHealthAutoConfiguration() {
    }

    /** The health component, named {@code qbauth}. */
    @Bean
    @ConditionalOnMissingBean(name = "qbauthHealthIndicator")
    public QbAuthHealthIndicator qbauthHealthIndicator(QbAuthClient client, ObjectProvider<QbAuthConfig> config,
                                                       ObjectProvider<SessionCreationRecorder> creations,
                                                       ObjectProvider<StoreReachability> store) {
        QbAuthConfig known = config.getIfAvailable();
        StoreReachability reachability = store.getIfAvailable();
        return new QbAuthHealthIndicator(client, creations.getIfAvailable(),
                reachability == null ? null : reachability::reachable,
                known != null ? known.clock() : Clock.systemUTC());
    }
}
