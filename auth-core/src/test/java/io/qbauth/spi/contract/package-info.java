/**
 * The transport contract kit, shipped in auth-core's test-jar: extend
 * {@link io.qbauth.spi.contract.AuthTransportContract} in a transport module's tests. The servers every transport's
 * own tests need come with it: {@link io.qbauth.spi.contract.RawServer} for byte-level misbehaviour (truncated,
 * stalled, endless or lying replies, resets), {@link io.qbauth.spi.contract.HostileServer} on top of it for the
 * hostile-reply scenarios (every reply echoes its request's id, so a call that reads another call's reply is caught;
 * it counts requests per connection and sees the client close them) and
 * {@link io.qbauth.spi.contract.SelfSignedTlsServer} for TLS verification.
 */
package io.qbauth.spi.contract;
