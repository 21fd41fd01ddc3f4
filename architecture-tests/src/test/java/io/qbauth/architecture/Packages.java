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
    static final String EMULATOR = "io.qbauth.emulator..";

    /** Every pattern above: each must match classes, or a rule over it could not fail. */
    static final java.util.List<String> ALL = java.util.List.of(DOMAIN, CONFIG, EVENT, SPI, INTERNAL, ADAPTER_JACKSON,
            ADAPTER_JDK, ADAPTER_VERTX, ADAPTER_METRICS, EMULATOR);

    private Packages() {
    }
}
