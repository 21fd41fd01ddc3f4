package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.testkit.transport.TransportProviderContract;

/** The shared provider contract for the JDK transport: found as {@code jdk}, declared in module-info, exports nothing. */
class JdkAuthTransportProviderTest extends TransportProviderContract {

    @Override
    protected String providerName() {
        return "jdk";
    }

    @Override
    protected Class<? extends AuthTransportProvider> providerClass() {
        return JdkAuthTransportProvider.class;
    }

    @Override
    protected Class<? extends AuthTransport> transportClass() {
        return JdkAuthTransport.class;
    }

    @Override
    protected String moduleName() {
        return "io.qbauth.transport.jdk";
    }
}
