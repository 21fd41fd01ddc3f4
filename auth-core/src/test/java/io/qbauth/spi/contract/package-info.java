/**
 * The transport contract kit, shipped in auth-core's test-jar: extend
 * {@link io.qbauth.spi.contract.AuthTransportContract} in a transport module's tests.
 */
package io.qbauth.spi.contract;
