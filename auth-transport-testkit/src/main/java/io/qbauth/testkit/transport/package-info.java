/**
 * The transport contract kit. A transport module's tests extend
 * {@link io.qbauth.testkit.transport.AuthTransportContract} (what every exchange must do: statuses, headers, bodies,
 * timeouts, size limits, hostile replies, cancellation, close, TLS) and
 * {@link io.qbauth.testkit.transport.TransportProviderContract} (its {@code ServiceLoader} registration, on the class
 * path and in {@code module-info}). The servers they run against are public for a transport's own tests:
 * {@link io.qbauth.testkit.transport.RawServer} for byte-level misbehaviour (truncated, stalled, endless or lying
 * replies, resets), {@link io.qbauth.testkit.transport.HostileServer} on top of it for the hostile-reply scenarios
 * (every reply echoes its request's id, so a call that reads another call's reply is caught; it counts requests per
 * connection and sees the client close them), {@link io.qbauth.testkit.transport.SelfSignedTlsServer} for TLS
 * verification, and {@link io.qbauth.testkit.transport.StubHttpServer}, a well-behaved server with canned replies.
 */
package io.qbauth.testkit.transport;
