/**
 * The transport contract kit, shipped in auth-core's test-jar: extend
 * {@link io.qbauth.spi.contract.AuthTransportContract} in a transport module's tests. The servers every transport's
 * own tests need come with it: {@link io.qbauth.spi.contract.RawServer} for byte-level misbehaviour (truncated,
 * stalled, endless or lying replies, resets) and {@link io.qbauth.spi.contract.SelfSignedTlsServer} for TLS
 * verification.
 */
package io.qbauth.spi.contract;
