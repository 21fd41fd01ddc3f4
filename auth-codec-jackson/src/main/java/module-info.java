/**
 * The Jackson JSON codec of qbauth: reads and writes the QuickBlox envelopes with jackson-core's streaming API.
 * Found by the core with {@link java.util.ServiceLoader}.
 */
module io.qbauth.codec.jackson {
    requires io.qbauth.core;
    requires com.fasterxml.jackson.core;

    provides io.qbauth.spi.JsonCodecProvider with io.qbauth.adapter.codec.jackson.JacksonJsonCodecProvider;
}
