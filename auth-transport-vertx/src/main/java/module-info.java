/**
 * The Vert.x 5 transport of qbauth, for reactive runtimes (Vert.x, Quarkus). Found by the core with
 * {@link java.util.ServiceLoader}; its package is exported so an application can run the transport on its own
 * {@code Vertx} ({@code VertxAuthTransport.create(vertx, config)}).
 */
module io.qbauth.transport.vertx {
    requires transitive io.qbauth.core;
    requires transitive io.vertx.core;
    requires io.netty.handler;
    requires io.netty.codec.http;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;

    exports io.qbauth.adapter.transport.vertx;

    provides io.qbauth.spi.AuthTransportProvider with io.qbauth.adapter.transport.vertx.VertxAuthTransportProvider;
}
