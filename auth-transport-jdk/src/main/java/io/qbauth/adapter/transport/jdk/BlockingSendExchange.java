package io.qbauth.adapter.transport.jdk;

import io.qbauth.domain.TransportException;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;

/**
 * One request/response exchange, run with the blocking {@link HttpClient#send}: on a virtual thread of its own, so
 * the caller never blocks ({@link #start}), or on the caller's thread when a caller that waits anyway lent it
 * ({@link #runHere}). {@code send} has the JDK client write the request on that thread and hand it the reply
 * directly; {@code sendAsync} instead starts the exchange on another thread and completes its future through one
 * more hand-off to the common {@code ForkJoinPool}, which cost a fifth of the throughput with one caller.
 *
 * <p>The exchange ends exactly once, by whichever comes first: the whole reply was read, a failure, the deadline
 * ({@link Deadlines} expires it), or the caller completing or cancelling the returned future. On an early end the
 * thread is interrupted, upon which {@code send} cancels the exchange, which closes the connection; the thread's
 * interrupt status is then cleared before anything else runs on it. The stage completes on the exchange's thread,
 * except when the caller completes or cancels it.
 *
 * <p>An exchange holds one of the transport's {@code maxConnections} permits from before {@code send} until the reply
 * is read, so no more than that many connections are ever busy (HTTP/1.1: one exchange per connection), and the pool
 * the JDK client keeps never grows past it. A caller beyond the bound waits on its own (virtual) thread, within its
 * deadline.
 */
final class BlockingSendExchange implements Runnable, Deadlines.Timed {

    private static final VarHandle SETTLED;

    static {
        try {
            SETTLED = MethodHandles.lookup().findVarHandle(BlockingSendExchange.class, "settled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TransportRequest request;
    private final HttpRequest httpRequest;
    private final HttpClient client;
    private final BodyHandler<byte[]> bodyHandler;
    /** One permit per connection the transport may use ({@code maxConnections}): held for the whole exchange. */
    private final Semaphore connections;
    private final long deadlineNanos;
    private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    private volatile Thread thread;
    /** Set by whoever decides the outcome first: the thread with the reply or failure, or the deadline. */
    @SuppressWarnings("unused") // through SETTLED
    private volatile boolean settled;
    /** Set once the deadline's interrupt has been delivered: none is still to come when the thread clears it. */
    private volatile boolean interruptDelivered;

    BlockingSendExchange(TransportRequest request, HttpRequest httpRequest, HttpClient client, BodyHandler<byte[]> bodyHandler,
             Semaphore connections) {
        this.request = request;
        this.connections = connections;
        this.httpRequest = httpRequest;
        this.client = client;
        this.bodyHandler = bodyHandler;
        this.deadlineNanos = System.nanoTime() + request.timeout().toNanos();
    }

    /** Starts the exchange on a thread of {@code threads}, watched by {@code deadlines}; returns its future. */
    CompletableFuture<ApiResponse> start(ThreadFactory threads, Deadlines deadlines) {
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

    /**
     * Runs the exchange to its end on the calling thread, lent by a caller that waits for it, watched by
     * {@code deadlines}; returns the completed future. An interrupt of the caller's own ends the exchange with an
     * {@link TransportException.Kind#IO IO} failure and stays set, which the SDK's blocking facade reports to its
     * caller as a {@code CancellationException}.
     */
    CompletableFuture<ApiResponse> runHere(Deadlines deadlines) {
        thread = Thread.currentThread();
        deadlines.watch(this);
        exchange(true);
        return result;
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return; // the caller ended it before it started
        }
        exchange(false);
    }

    private void exchange(boolean lent) {
        if ((boolean) SETTLED.getVolatile(this)) {
            clearDeadlineInterrupt(); // expired before it started
            result.completeExceptionally(FailureMapper.map(request, new TimeoutException()));
            return;
        }
        HttpResponse<byte[]> response = null;
        Throwable failure = null;
        boolean permitted = false;
        try {
            connections.acquire(); // bounded: the deadline interrupts a wait for a free connection too
            permitted = true;
            response = client.send(httpRequest, bodyHandler);
        } catch (InterruptedException e) {
            failure = e; // the deadline, the caller, or (when lent) the caller's own interrupt: send() cancelled it
        } catch (Throwable e) {
            failure = e;
        } finally {
            if (permitted) {
                connections.release();
            }
        }
        if (!SETTLED.compareAndSet(this, false, true)) {
            clearDeadlineInterrupt(); // the deadline won: its interrupt was meant for send(), not for what runs next
            result.completeExceptionally(FailureMapper.map(request, new TimeoutException()));
        } else if (response != null) {
            result.complete(ApiResponse.received(response.statusCode(), response.headers().map(), response.body()));
        } else if (!(failure instanceof InterruptedException)) {
            result.completeExceptionally(FailureMapper.mapSendFailure(request, failure));
        } else if (lent) {
            Thread.currentThread().interrupt(); // the caller's own interrupt: keep it for the caller
            result.completeExceptionally(TransportSupport.failure(request, TransportException.Kind.IO,
                    "interrupted before the reply", failure));
        }
        // else: the caller completed or cancelled the future, which is done already
    }

    /** Waits for the deadline's interrupt to land (it follows its settling within instructions), then clears it. */
    private void clearDeadlineInterrupt() {
        while (!interruptDelivered) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
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
            try {
                thread.interrupt();
            } finally {
                interruptDelivered = true;
            }
        }
    }
}
