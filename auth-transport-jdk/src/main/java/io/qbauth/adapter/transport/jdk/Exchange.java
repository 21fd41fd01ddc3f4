package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportResponse;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;

/**
 * One request/response exchange, run with the blocking {@link HttpClient#send} on a virtual thread of its own, so the
 * caller never blocks. {@code send} has the JDK client write the request on that thread and hand it the reply
 * directly; {@code sendAsync} instead starts the exchange on another thread and completes its future through one
 * more hand-off to the common {@code ForkJoinPool}, which cost a fifth of the throughput with one caller.
 *
 * <p>The exchange ends exactly once, by whichever comes first: the whole reply was read, a failure, the deadline
 * ({@link Deadlines} expires it), or the caller completing or cancelling the returned future. On an early end the
 * thread is interrupted, upon which {@code send} cancels the exchange, which closes the connection. The stage
 * completes on the exchange's thread, except when the caller completes or cancels it.
 */
final class Exchange implements Runnable, Deadlines.Timed {

    private static final VarHandle SETTLED;

    static {
        try {
            SETTLED = MethodHandles.lookup().findVarHandle(Exchange.class, "settled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TransportRequest request;
    private final HttpRequest httpRequest;
    private final HttpClient client;
    private final BodyHandler<byte[]> bodyHandler;
    private final long deadlineNanos;
    private final CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    private volatile Thread thread;
    /** Set by whoever decides the outcome first: the thread with the reply or failure, or the deadline. */
    @SuppressWarnings("unused") // through SETTLED
    private volatile boolean settled;

    Exchange(TransportRequest request, HttpRequest httpRequest, HttpClient client, BodyHandler<byte[]> bodyHandler) {
        this.request = request;
        this.httpRequest = httpRequest;
        this.client = client;
        this.bodyHandler = bodyHandler;
        this.deadlineNanos = System.nanoTime() + request.timeout().toNanos();
    }

    /** Starts the exchange on a thread of {@code threads}, watched by {@code deadlines}; returns its future. */
    CompletableFuture<TransportResponse> start(ThreadFactory threads, Deadlines deadlines) {
        Thread worker = threads.newThread(this);
        thread = worker;
        result.whenComplete((response, failure) -> {
            if (failure != null && Thread.currentThread() != worker) {
                worker.interrupt(); // the caller ended it: abort send()
            }
        });
        deadlines.watch(this);
        worker.start();
        return result;
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return; // the caller ended it before it started
        }
        if ((boolean) SETTLED.getVolatile(this)) {
            Thread.interrupted(); // expired before it started
            result.completeExceptionally(FailureMapper.map(request, new TimeoutException()));
            return;
        }
        HttpResponse<byte[]> response = null;
        Throwable failure = null;
        try {
            response = client.send(httpRequest, bodyHandler);
        } catch (InterruptedException e) {
            failure = e; // the deadline or the caller ended the exchange first; send() has cancelled it
        } catch (Throwable e) {
            failure = e;
        }
        if (!SETTLED.compareAndSet(this, false, true)) {
            // the deadline won: clear the interrupt meant for send() before the stage's dependents run here
            Thread.interrupted();
            result.completeExceptionally(FailureMapper.map(request, new TimeoutException()));
        } else if (response != null) {
            result.complete(new TransportResponse(response.statusCode(), response.headers().map(), response.body()));
        } else if (!(failure instanceof InterruptedException)) {
            result.completeExceptionally(FailureMapper.mapSendFailure(request, failure));
        }
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    /** Past the deadline: unless the outcome is already decided, interrupt send(); the thread reports TIMEOUT. */
    @Override
    public void expire() {
        if (SETTLED.compareAndSet(this, false, true)) {
            thread.interrupt();
        }
    }
}
