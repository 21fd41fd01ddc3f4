/**
 * The qbauth transport test kit: the contract every {@link io.qbauth.spi.AuthTransport} passes
 * ({@link io.qbauth.testkit.transport.AuthTransportContract}), the checks of its {@code ServiceLoader} registration
 * ({@link io.qbauth.testkit.transport.TransportProviderContract}), the byte-level servers they run against, and a
 * settable {@link io.qbauth.testkit.TestClock}. Depend on it with {@code <scope>test</scope>} only.
 */
module io.qbauth.testkit {
    requires transitive io.qbauth.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires transitive jdk.httpserver;

    exports io.qbauth.testkit;
    exports io.qbauth.testkit.transport;
    exports io.qbauth.testkit.redis;

    // JUnit calls the contract's package-private test methods reflectively
    opens io.qbauth.testkit.transport to org.junit.platform.commons;
}
