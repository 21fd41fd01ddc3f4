/**
 * The {@code java.net.http.HttpClient} transport of qbauth. Found by the core with {@link java.util.ServiceLoader}.
 */
module io.qbauth.transport.jdk {
    requires io.qbauth.core;
    requires java.net.http;

    provides io.qbauth.spi.AuthTransportProvider with io.qbauth.adapter.transport.jdk.JdkAuthTransportProvider;
}
