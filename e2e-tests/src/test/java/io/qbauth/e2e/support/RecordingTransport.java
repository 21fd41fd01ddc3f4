package io.qbauth.e2e.support;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Wraps the transport under test (which still does the real HTTP) to record what the SDK sent and, when a test asks,
 * to hold matching requests until {@link #release()}, so a test can act while a session creation is in flight.
 * It never closes the transport it wraps.
 */
public final class RecordingTransport implements AuthTransport {

    /** One request as the SDK handed it over: method, path and the session token it carried, if any. */
    public record Sent(String method, String path, String token) {
    }

    private final AuthTransport delegate;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile Predicate<TransportRequest> hold = request -> false;

    public RecordingTransport(AuthTransport delegate) {
        this.delegate = delegate;
    }

    /** Matches {@code POST /session.json}: a session creation. */
    public static boolean isSessionCreation(TransportRequest request) {
        return request.method().equals("POST") && request.uri().getPath().equals("/session.json");
    }

    /** From now on, requests matching {@code which} wait until {@link #release()}. */
    public void holdWhere(Predicate<TransportRequest> which) {
        hold = which;
    }

    /** Waits until a held request has arrived; false after 10 s. */
    public boolean awaitHeld() throws InterruptedException {
        return held.await(10, TimeUnit.SECONDS);
    }

    /** Lets every held request (and all later ones) through. */
    public void release() {
        gate.complete(null);
    }

    /** Every request so far, in the order the SDK sent them. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The requests so far that match {@code method} and {@code path}. */
    public List<Sent> sent(String method, String path) {
        return sent.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        sent.add(new Sent(request.method(), request.uri().getPath(), request.header("QB-Token").orElse(null)));
        if (!hold.test(request) || gate.isDone()) {
            return delegate.execute(request);
        }
        held.countDown();
        return gate.thenCompose(open -> delegate.execute(request));
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
