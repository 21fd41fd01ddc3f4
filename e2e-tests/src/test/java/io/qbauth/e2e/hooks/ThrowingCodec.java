package io.qbauth.e2e.hooks;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.User;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SessionPayload;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real codec, except that the next session reply read after {@link #arm()} throws. */
final class ThrowingCodec implements JsonCodec {

    private final JsonCodec delegate;
    private final Throwables kind;
    private final AtomicBoolean armed = new AtomicBoolean();

    ThrowingCodec(JsonCodec delegate, Throwables kind) {
        this.delegate = delegate;
        this.kind = kind;
    }

    void arm() {
        armed.set(true);
    }

    @Override
    public SessionPayload readSession(byte[] body, int status) {
        if (armed.getAndSet(false)) {
            throw kind.create("codec");
        }
        return delegate.readSession(body, status);
    }

    @Override
    public User readUser(byte[] body, int status) {
        return delegate.readUser(body, status);
    }

    @Override
    public ErrorDetails readErrors(byte[] body, int status) {
        return delegate.readErrors(body, status);
    }

    @Override
    public byte[] write(Object tree) {
        return delegate.write(tree);
    }

    @Override
    public String name() {
        return "throwing " + delegate.name();
    }
}
