package io.qbauth.emulator.internal.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.LongAdder;

/** Counts the HTTP connections of every server instance: open now, and opened since start. */
final class ConnectionCounter implements Handler<HttpConnection> {

    private final LongAdder open = new LongAdder();
    private final LongAdder opened = new LongAdder();

    @Override
    public void handle(HttpConnection connection) {
        open.increment();
        opened.increment();
        connection.closeHandler(closed -> open.decrement());
    }

    long open() {
        return open.sum();
    }

    long opened() {
        return opened.sum();
    }
}
