package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.TransportSupport;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a reply body into a byte array of at most {@code maxBytes}. A {@code Content-Length} above the limit fails
 * before any byte is read (except on replies that have no body whatever they announce: to {@code HEAD}, and 204 or
 * 304); a body that crosses the limit while streaming fails at that chunk and cancels the subscription (which
 * closes the connection). It never holds more than {@code maxBytes}.
 *
 * <p>A reply that announces a length within the limit is read by the JDK's own {@code BodySubscribers.ofByteArray()}:
 * the JDK client reads exactly that many bytes, and it calls its own subscribers on the thread that reads them,
 * whereas it hands every call of an application's subscriber to its executor (two more thread hand-offs per reply,
 * a fifth of the throughput with 64 callers). The limiting subscriber here serves the other replies (chunked, or
 * delimited by the connection's end).
 */
final class LimitedBodyHandler implements BodyHandler<byte[]> {

    /** Signals an over-size reply; mapped to {@code TransportException.Kind.RESPONSE_TOO_LARGE} by the caller. */
    static final class ResponseTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(int maxBytes) {
            super("reply body exceeds " + maxBytes + " bytes", null, false, false);
        }
    }

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final int maxBytes;
    /** The method of the requests this handler reads replies to; only {@code HEAD} makes a difference. */
    private final String method;

    LimitedBodyHandler(int maxBytes) {
        this(maxBytes, "GET");
    }

    private LimitedBodyHandler(int maxBytes, String method) {
        this.maxBytes = maxBytes;
        this.method = method;
    }

    /** The handler for a request with this method: a {@code HEAD} reply announces a length it never sends. */
    LimitedBodyHandler forMethod(String method) {
        return "HEAD".equals(method) ? new LimitedBodyHandler(maxBytes, method) : this;
    }

    @Override
    public BodySubscriber<byte[]> apply(ResponseInfo info) {
        boolean noBody = !TransportSupport.replyHasBody(method, info.statusCode());
        OptionalLong announced = noBody ? OptionalLong.empty() : info.headers().firstValueAsLong("Content-Length");
        if (announced.isPresent() && announced.getAsLong() > maxBytes) {
            return new Subscriber(maxBytes, 0, true);
        }
        if (announced.isPresent() && announced.getAsLong() >= 0) {
            // the JDK reads exactly the announced length (it wins over Transfer-Encoding there), so the limit holds;
            // and it runs its own subscribers on the thread that reads, where ours costs two more hand-offs
            return BodySubscribers.ofByteArray();
        }
        // a negative Content-Length is a lie like any other: start small and let the limit decide
        int capacity = (int) Math.max(0, Math.min(maxBytes, announced.orElse(INITIAL_CAPACITY)));
        return new Subscriber(maxBytes, capacity, false);
    }

    /** Signals arrive serially (reactive-streams rule 1.3), so the fields need no synchronisation. */
    private static final class Subscriber implements BodySubscriber<byte[]> {
        private final int maxBytes;
        private final boolean rejectUpFront;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private byte[] buffer;
        private int size;

        Subscriber(int maxBytes, int initialCapacity, boolean rejectUpFront) {
            this.maxBytes = maxBytes;
            this.rejectUpFront = rejectUpFront;
            this.buffer = new byte[initialCapacity];
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (rejectUpFront) {
                tooLarge();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int length = item.remaining();
                if (length > maxBytes - size) {
                    tooLarge();
                    return;
                }
                ensureCapacity(size + length);
                item.get(buffer, size, length);
                size += length;
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (result.isDone()) {
                return;
            }
            buffer = null;
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] body = buffer.length == size ? buffer : Arrays.copyOf(buffer, size);
            buffer = null;
            result.complete(body);
        }

        private void ensureCapacity(int needed) {
            if (needed > buffer.length) {
                int grown = (int) Math.min(maxBytes, Math.max(needed, 2L * buffer.length));
                buffer = Arrays.copyOf(buffer, grown);
            }
        }

        private void tooLarge() {
            buffer = null;
            subscription.cancel();
            result.completeExceptionally(new ResponseTooLargeException(maxBytes));
        }
    }
}
