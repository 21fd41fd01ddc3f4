package io.qbauth;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.spi.AuthEventListener;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.CredentialsSupplier;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SessionStore;
import java.util.List;

/** The client implementation (work in progress). */
final class DefaultQbAuthClient {

    private DefaultQbAuthClient() {
    }

    static QbAuthClient create(QbAuthConfig config, AuthTransport transport, JsonCodec codec,
                               List<AuthEventListener> listeners, CredentialsSupplier credentialsSupplier,
                               SessionStore sessionStore) {
        throw new UnsupportedOperationException("being implemented");
    }
}
