/**
 * Spring Boot 4 auto-configuration of qbauth (see the package {@code io.qbauth.spring.boot.autoconfigure}). The
 * metrics, Vert.x, Redis, health and actuator parts are optional: each is configured only when its module is
 * present.
 */
module io.qbauth.spring.boot {
    requires transitive io.qbauth.core;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.context;
    requires spring.beans;
    requires spring.core;

    requires static io.qbauth.metrics;
    requires static io.qbauth.transport.vertx;
    requires static io.qbauth.store.redis;
    requires static io.vertx.core;
    requires static micrometer.core;
    requires static spring.boot.health;
    requires static spring.boot.actuator;

    exports io.qbauth.spring.boot.autoconfigure;
    // Spring reads the configuration classes, binds the properties and calls the package-private bean methods
    opens io.qbauth.spring.boot.autoconfigure to spring.core, spring.beans, spring.context, spring.boot;

    uses io.qbauth.spi.AuthTransportProvider;
}
