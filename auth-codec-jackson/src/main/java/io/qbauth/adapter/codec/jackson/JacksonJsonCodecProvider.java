package io.qbauth.adapter.codec.jackson;

import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.JsonCodecProvider;

/** ServiceLoader entry of the Jackson codec, selected by the name {@value #NAME}. */
public final class JacksonJsonCodecProvider implements JsonCodecProvider {

    /** The provider name, for {@code -Dqbauth.codec=jackson}. */
    public static final String NAME = "jackson";

    /** Called by {@link java.util.ServiceLoader}. */
    public JacksonJsonCodecProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonCodec create() {
        return new JacksonJsonCodec();
    }
}
