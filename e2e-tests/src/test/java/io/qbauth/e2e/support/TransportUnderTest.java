package io.qbauth.e2e.support;

import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A transport the end-to-end suite runs every scenario with. A new transport module joins the suite with one entry
 * in {@link #all()} (and a test dependency in the pom); the tests pass it to the builder explicitly, so several
 * transports may share the class path.
 *
 * @param name    shown in test names
 * @param factory creates a transport the test owns and closes
 */
public record TransportUnderTest(String name, Function<TransportConfig, AuthTransport> factory) {

    /** Every transport under test. */
    public static Stream<TransportUnderTest> all() {
        return Stream.of(new TransportUnderTest("jdk", JdkAuthTransport::create),
                new TransportUnderTest("vertx", VertxAuthTransport::create));
    }

    /** A new transport with the default config. */
    public AuthTransport create() {
        return create(TransportConfig.defaults());
    }

    /** A new transport with {@code config} (short timeouts, a small reply limit...). */
    public AuthTransport create(TransportConfig config) {
        return factory.apply(config);
    }

    @Override
    public String toString() {
        return name;
    }
}
