/**
 * For implementers only: the outbound ports other modules implement, {@link io.qbauth.spi.AuthTransport} (HTTP,
 * found through {@link io.qbauth.spi.AuthTransportProvider}) and {@link io.qbauth.spi.JsonCodec} (JSON, through
 * {@link io.qbauth.spi.JsonCodecProvider}), {@link io.qbauth.spi.SharedSessionStore} (a store a fleet shares, with
 * its values {@link io.qbauth.spi.FleetIdentity}, {@link io.qbauth.spi.Lease} and
 * {@link io.qbauth.spi.SharedSession}), with the values they exchange with the core. An application configuring or
 * listening to a client never needs this package: its settings and hooks are in {@link io.qbauth.config}, its events
 * in {@link io.qbauth.event}. Public and stable.
 */
package io.qbauth.spi;
