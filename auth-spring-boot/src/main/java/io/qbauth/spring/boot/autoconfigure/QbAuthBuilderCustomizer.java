package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.QbAuth;

/**
 * Adjusts the {@link QbAuth.Builder} the auto-configuration builds the {@code QbAuthClient} and the {@code UserPool}
 * with, after the {@code qbauth.*} properties are applied: a listener, a TLS context, a transport decorator. Every
 * {@code QbAuthBuilderCustomizer} bean is applied, in {@code @Order}, to both builders, so set nothing here that only
 * a single client takes ({@code credentialsSupplier}, {@code sessionStore}): define your own {@code QbAuthClient}
 * bean for that, and the auto-configured one backs off.
 */
@FunctionalInterface
public interface QbAuthBuilderCustomizer {

    /** Adjusts {@code builder}. */
    void customize(QbAuth.Builder builder);
}
