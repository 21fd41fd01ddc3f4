/**
 * qbauth core: domain, ports and application services of the QuickBlox authentication SDK. Depends on the JDK only;
 * a transport and a JSON codec are plugged in through {@link java.util.ServiceLoader}.
 */
module io.qbauth.core {
    exports io.qbauth;
    exports io.qbauth.domain;
    exports io.qbauth.config;
    exports io.qbauth.event;
    exports io.qbauth.spi;

    uses io.qbauth.spi.AuthTransportProvider;
    uses io.qbauth.spi.JsonCodecProvider;
}
