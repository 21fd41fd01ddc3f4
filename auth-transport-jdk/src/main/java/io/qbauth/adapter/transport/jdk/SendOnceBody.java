package io.qbauth.adapter.transport.jdk;

import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of one request, which stops the JDK client from writing that request a second time.
 *
 * <p>Why: when a connection closes (or is reset) before the first byte of the reply, the JDK client takes it for a
 * pooled connection the server had dropped and may send the request again on a new connection ({@code MultiExchange}:
 * a {@code ConnectionExpiredException} is retried once for {@code GET} and {@code HEAD}, and for <em>every</em> method
 * once anything in the JVM sets {@code jdk.httpclient.enableAllMethodRetry}; on HTTP/2 also a request the server
 * declared unprocessed). The server may well have run the first one. The SDK promises that a call whose outcome is
 * unknown is never sent again, and the JDK's only switches are JVM-wide system properties, which a library must not
 * set.
 *
 * <p>How: the JDK asks a request's body for its length exactly once per attempt, while composing the request head,
 * after the connection is established and before a byte of the head is written (HTTP/1.1: {@code Http1Request};
 * HTTP/2: {@code Stream}). The second time this body is asked, it throws {@link ResendRefusedException}: that attempt
 * ends there, the JDK closes the connection it had opened for it, and the exchange fails with that exception. The
 * JDK's retry of a refused or failed <em>connect</em> is untouched: no head was composed for it. (Read in the JDK 21
 * and 25 sources. Should a JDK ever ask twice per attempt, every request with a body publisher would fail at once and
 * loudly, in every test that sends one, never silently twice.)
 *
 * <p>Not for a {@code GET} or {@code HEAD} without a body: any body publisher makes the JDK send
 * {@code Content-Length: 0} with it, which RFC 9110 advises against and strict proxies refuse (an AWS load balancer in
 * its recommended "strictest" desync mode rejects it, classification {@code GetHeadZeroContentLength}) — every
 * {@code GET} failing there is a far worse fault than the JDK's one resend of a read. A request that has a body
 * publisher anyway ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}, with or without a body) costs nothing on
 * the wire.
 *
 * <p>Only for a client that sends nothing again after a reply ({@link #fitsClient}): one that follows redirects or
 * answers authentication challenges rightly sends the same request again, with this same body, after the server
 * answered.
 */
final class SendOnceBody implements BodyPublisher {

    /** Thrown instead of letting the JDK compose a request's head a second time; nothing of it is written. */
    static final class ResendRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResendRefusedException() {
            super("the HTTP client tried to send the request again after its connection closed before the reply");
        }
    }

    private final BodyPublisher body;
    private final AtomicBoolean headComposed = new AtomicBoolean();

    SendOnceBody(BodyPublisher body) {
        this.body = body;
    }

    /**
     * Whether {@code client} never sends a request again once a reply came: it follows no redirect and has no
     * authenticator. Only such a client's own resends are the connection-closed retries this body refuses.
     */
    static boolean fitsClient(HttpClient client) {
        return client.followRedirects() == HttpClient.Redirect.NEVER && client.authenticator().isEmpty();
    }

    /**
     * The body's length, for the head about to be composed; the second call throws instead.
     *
     * @throws ResendRefusedException when the head was composed once already
     */
    @Override
    public long contentLength() {
        if (!headComposed.compareAndSet(false, true)) {
            throw new ResendRefusedException();
        }
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        body.subscribe(subscriber);
    }
}
