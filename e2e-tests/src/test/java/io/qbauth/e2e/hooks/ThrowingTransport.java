package io.qbauth.e2e.hooks;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/** A real transport, except that the next exchange after {@link #next(Mode)} misbehaves as the mode says. */
final class ThrowingTransport implements AuthTransport {

    /** How the next exchange misbehaves. */
    enum Mode {
        /** {@code execute} throws. */
        THROWS,
        /** {@code execute} returns a stage failed with the throwable. */
        FAILS_THE_STAGE,
        /** the reply arrives, then the stage's callback (the transport's own code) throws. */
        THROWS_IN_THE_CALLBACK
    }

    private final AuthTransport delegate;
    private final Throwables kind;
    private final AtomicReference<Mode> next = new AtomicReference<>();

    ThrowingTransport(AuthTransport delegate, Throwables kind) {
        this.delegate = delegate;
        this.kind = kind;
    }

    void next(Mode mode) {
        next.set(mode);
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        Mode mode = next.getAndSet(null);
        if (mode == null) {
            return delegate.execute(request);
        }
        return switch (mode) {
            case THROWS -> throw kind.create("transport's execute");
            case FAILS_THE_STAGE -> {
                CompletableFuture<ApiResponse> failed = new CompletableFuture<>();
                try {
                    throw kind.create("transport's stage");
                } catch (Throwable t) {
                    failed.completeExceptionally(t);
                }
                yield failed;
            }
            case THROWS_IN_THE_CALLBACK -> delegate.execute(request).thenApply(response -> {
                throw kind.create("transport's callback");
            });
        };
    }

    @Override
    public String name() {
        return "throwing " + delegate.name();
    }
}
