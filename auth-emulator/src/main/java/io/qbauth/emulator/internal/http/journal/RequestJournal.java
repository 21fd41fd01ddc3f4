package io.qbauth.emulator.internal.http.journal;

import io.qbauth.emulator.internal.params.RequestParams;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last requests the emulator received, for {@code GET /_emulator/requests}: a bounded ring per event loop (no lock,
 * no shared counter on the request path), merged by arrival when read. An entry holds references to what the request
 * already had (method, URI, headers) and, once decoded, its parameters; secrets are masked only when rendered
 * (by the control endpoints' journal view). {@code /_emulator/} requests are not recorded. With size 0 nothing is
 * recorded.
 */
public final class RequestJournal {

    private static final String KEY = "qbauth.emulator.journal";

    private final int size;
    private final Clock clock;
    private final List<Ring> rings = new CopyOnWriteArrayList<>();

    /**
     * @param size entries kept (the last {@code size} requests over every event loop); 0 switches recording off
     * @param clock the emulator's clock, for the arrival time shown
     */
    public RequestJournal(int size, Clock clock) {
        this.size = size;
        this.clock = clock;
    }

    /** Whether requests are recorded. */
    public boolean enabled() {
        return size > 0;
    }

    /** How many requests are kept. */
    public int size() {
        return size;
    }

    /** A ring for one event loop; record only from that loop. */
    public Ring newRing() {
        Ring ring = new Ring(size);
        rings.add(ring);
        return ring;
    }

    /** Attaches the decoded parameters (and the body size) to the request's entry, if it has one. */
    public static void params(RoutingContext ctx, RequestParams params, int bodyBytes) {
        Entry entry = ctx.get(KEY);
        if (entry != null) {
            entry.params = params;
            entry.bodyBytes = bodyBytes;
        }
    }

    /** Attaches the reply's status to the request's entry, if it has one. */
    public static void status(RoutingContext ctx, int status) {
        Entry entry = ctx.get(KEY);
        if (entry != null) {
            entry.status = status;
        }
    }

    /** The last {@code limit} entries (at most the journal size), oldest first. */
    public List<Entry> last(int limit) {
        List<Entry> all = new ArrayList<>();
        for (Ring ring : rings) {
            ring.collect(all);
        }
        all.sort(Comparator.comparingLong(entry -> entry.order));
        int keep = Math.min(Math.min(limit, size), all.size());
        return all.subList(all.size() - keep, all.size());
    }

    /** One event loop's ring buffer: written by its loop only, read by any thread. */
    public final class Ring {
        private final AtomicReferenceArray<Entry> slots;
        private int next;

        private Ring(int size) {
            this.slots = new AtomicReferenceArray<>(Math.max(size, 1));
        }

        /** Records a request and remembers its entry on the context (for parameters and status). */
        public void record(RoutingContext ctx) {
            ctx.put(KEY, record(ctx.request()));
        }

        /** Records a request served outside the router; returns its entry. */
        public Entry record(HttpServerRequest request) {
            Entry entry = new Entry(System.nanoTime(), clock.millis(), request.method().name(), request.uri(),
                    request.headers());
            slots.setRelease(next, entry);
            next = next + 1 == slots.length() ? 0 : next + 1;
            return entry;
        }

        private void collect(List<Entry> into) {
            for (int i = 0; i < slots.length(); i++) {
                Entry entry = slots.getAcquire(i);
                if (entry != null) {
                    into.add(entry);
                }
            }
        }
    }

    /**
     * One recorded request; the parameters and status are filled in as the request is handled (plain fields: a
     * reader on another thread may see them a moment late, never torn).
     */
    public static final class Entry {
        private final long order;
        private final long receivedAtMillis;
        private final String method;
        private final String uri;
        private final MultiMap headers;
        private RequestParams params;
        private int bodyBytes = -1;
        private int status;

        private Entry(long order, long receivedAtMillis, String method, String uri, MultiMap headers) {
            this.order = order;
            this.receivedAtMillis = receivedAtMillis;
            this.method = method;
            this.uri = uri;
            this.headers = headers;
        }

        /** When the request arrived, by the emulator's clock. */
        public Instant receivedAt() {
            return Instant.ofEpochMilli(receivedAtMillis);
        }

        /** The request method. */
        public String method() {
            return method;
        }

        /** The request URI as sent: path and query. */
        public String uri() {
            return uri;
        }

        /** The request headers, unmasked. */
        public MultiMap headers() {
            return headers;
        }

        /** The decoded parameters, or null when the request's parameters were never read. */
        public RequestParams params() {
            return params;
        }

        /** The body size in bytes, or -1 when the body was never read. */
        public int bodyBytes() {
            return bodyBytes;
        }

        /** The reply's status, or 0 before the reply. */
        public int status() {
            return status;
        }

        /** Records the reply's status. */
        public void status(int replyStatus) {
            status = replyStatus;
        }
    }
}
