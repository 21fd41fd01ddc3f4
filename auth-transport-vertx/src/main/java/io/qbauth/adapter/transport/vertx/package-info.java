/**
 * The {@link io.qbauth.spi.AuthTransport} of qbauth on the Vert.x 5 HTTP client, for reactive runtimes (Vert.x,
 * Quarkus). {@link io.qbauth.adapter.transport.vertx.VertxAuthTransport} is the public type, on an application's
 * {@code Vertx} or on one it owns; {@link io.qbauth.adapter.transport.vertx.VertxAuthTransportProvider} is its
 * {@link java.util.ServiceLoader} entry. The other classes are internal: the exchange state machine, the request and
 * client-option mapping, the TLS bridge and the failure mapping.
 */
package io.qbauth.adapter.transport.vertx;
