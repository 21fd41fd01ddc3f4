package io.qbauth.spi;

/** Service-provider entry for a {@link JsonCodec}, found with {@link java.util.ServiceLoader}. */
public interface JsonCodecProvider {

    /** The name users select it by with {@code -Dqbauth.codec=NAME}, e.g. {@code jackson}. */
    String name();

    /** Creates the codec. */
    JsonCodec create();
}
