package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.AuthTransportContract;

/** The shared transport contract (auth-transport-testkit), run against {@link JdkAuthTransport}. */
class JdkAuthTransportContractTest extends AuthTransportContract {

    @Override
    protected AuthTransport newTransport(TransportConfig config) {
        return JdkAuthTransport.create(config);
    }
}
