package io.qbauth.internal.loader;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.JsonCodecProvider;
import io.qbauth.config.TransportConfig;
import io.qbauth.testing.TestCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Providers that {@link ServiceClassLoader} declares in the discovery tests. */
public final class TestProviders {

    /** How many transports created by these providers were closed. */
    public static final AtomicInteger CLOSED = new AtomicInteger();

    private TestProviders() {
    }

    /** A transport that never answers and counts its closing. */
    public static final class CountingTransport implements AuthTransport {
        private final String name;

        CountingTransport(String name) {
            this.name = name;
        }

        @Override
        public CompletableFuture<io.qbauth.domain.ApiResponse> execute(io.qbauth.spi.TransportRequest request) {
            return new CompletableFuture<>();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }
    }

    /** Transport provider "alpha". */
    public static final class Alpha implements AuthTransportProvider {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public AuthTransport create(TransportConfig config) {
            return new CountingTransport("alpha");
        }
    }

    /** Transport provider "beta". */
    public static final class Beta implements AuthTransportProvider {
        @Override
        public String name() {
            return "beta";
        }

        @Override
        public AuthTransport create(TransportConfig config) {
            return new CountingTransport("beta");
        }
    }

    /** Codec provider "test". */
    public static final class Codec implements JsonCodecProvider {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public JsonCodec create() {
            return new TestCodec();
        }
    }
}
