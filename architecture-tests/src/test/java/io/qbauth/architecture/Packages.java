package io.qbauth.architecture;

/** Package patterns the rules speak of, in one place. */
final class Packages {

    /** The client entry point ({@code QbAuth}, {@code QbAuthClient}): exactly this package, no sub-package. */
    static final String ENTRY = "io.qbauth";
    static final String DOMAIN = "io.qbauth.domain..";
    static final String CONFIG = "io.qbauth.config..";
    static final String EVENT = "io.qbauth.event..";
    static final String SPI = "io.qbauth.spi..";
    static final String INTERNAL = "io.qbauth.internal..";
    static final String ADAPTER_JACKSON = "io.qbauth.adapter.codec.jackson..";
    static final String ADAPTER_JDK = "io.qbauth.adapter.transport.jdk..";
    static final String ADAPTER_VERTX = "io.qbauth.adapter.transport.vertx..";
    static final String ADAPTER_METRICS = "io.qbauth.adapter.metrics..";
    static final String ADAPTER_REDIS = "io.qbauth.adapter.store.redis..";
    static final String EMULATOR = "io.qbauth.emulator..";
    /**
     * The Spring Boot auto-configuration: not an adapter but a composition root (it wires the adapters an application
     * has: the Vert.x transport on its {@code Vertx}, the meters on its {@code MeterRegistry}).
     */
    static final String SPRING_BOOT = "io.qbauth.spring.boot..";

    /**
     * The two public exceptions outside the tree: signals between a shared session store and the core (a store
     * failure, on which the core falls back to its local flight) and between a session cipher and the store (a value
     * that does not open, which the store treats as absent). Neither reaches an application (docs/FLEET.md §1, §6);
     * {@code CodingRulesTest.store_signals_stay_between_store_and_core} keeps them out of everything an application
     * reads.
     */
    static final java.util.List<String> STORE_SIGNALS = java.util.List.of("io.qbauth.spi.SharedStoreException",
            "io.qbauth.adapter.store.redis.SessionCipherException");

    /** Every pattern above: each must match classes, or a rule over it could not fail. */
    static final java.util.List<String> ALL = java.util.List.of(DOMAIN, CONFIG, EVENT, SPI, INTERNAL, ADAPTER_JACKSON,
            ADAPTER_JDK, ADAPTER_VERTX, ADAPTER_METRICS, ADAPTER_REDIS, EMULATOR, SPRING_BOOT);

    private Packages() {
    }
}
