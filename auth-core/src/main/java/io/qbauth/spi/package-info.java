/**
 * The outbound ports of qbauth that other modules implement: {@link io.qbauth.spi.AuthTransport} (HTTP),
 * {@link io.qbauth.spi.JsonCodec} (JSON), and the hooks an application plugs in. Public and stable.
 */
package io.qbauth.spi;
