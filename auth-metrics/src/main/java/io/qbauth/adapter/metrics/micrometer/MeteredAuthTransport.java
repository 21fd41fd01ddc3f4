package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.binder.http.Outcome;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * Times every HTTP exchange of the transport it wraps ({@code qbauth.http.client.requests}). Tags: {@code method},
 * {@code uri} (the request's template, else a guessed one, see {@link UriTemplates}), {@code status} (the code;
 * {@code IO_ERROR} for a {@link TransportException}, {@code CLIENT_ERROR} for any other failure), {@code outcome}
 * (Micrometer's {@link Outcome}), {@code exception} and {@code client.name} (the transport's name). Everything else, {@code close()} included, is
 * delegated.
 */
final class MeteredAuthTransport implements AuthTransport {

    static final String IO_ERROR = "IO_ERROR";
    static final String CLIENT_ERROR = "CLIENT_ERROR";

    private static final String[] STATUS_CODES = IntStream.range(0, 600).mapToObj(Integer::toString)
            .toArray(String[]::new);

    private final AuthTransport delegate;
    private final Meters meters;
    private final UriTemplates uris = new UriTemplates();
    private final String clientName;

    MeteredAuthTransport(AuthTransport delegate, Meters meters) {
        this.delegate = delegate;
        this.meters = meters;
        this.clientName = meters.clientNameOverride() != null ? meters.clientNameOverride() : boundedName(delegate);
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        long start = meters.start();
        CompletionStage<ApiResponse> reply;
        try {
            reply = delegate.execute(request);
        } catch (Throwable e) { // the wrapped transport may throw anything: time it, then pass it on unchanged
            record(start, request, null, e);
            throw e;
        }
        if (reply == null) {
            return null;
        }
        return reply.whenComplete((response, failure) -> record(start, request, response, failure));
    }

    @Override
    public boolean currentThreadMustNotBlock() {
        return delegate.currentThreadMustNotBlock();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "MeteredAuthTransport[" + delegate + "]";
    }

    private void record(long start, TransportRequest request, ApiResponse response, Throwable failure) {
        try {
            String method = TagValues.httpMethod(request.method());
            String uri = uris.of(request);
            if (failure == null && response != null) {
                meters.httpRequest(start, method, uri, status(response.status()),
                        Outcome.forStatus(response.status()).name(), TagValues.NONE, clientName);
            } else {
                boolean ioFailure = TransportSupport.unwrap(failure) instanceof TransportException;
                meters.httpRequest(start, method, uri, ioFailure ? IO_ERROR : CLIENT_ERROR,
                        Outcome.UNKNOWN.name(), TagValues.exception(failure), clientName);
            }
        } catch (Throwable e) { // metrics never break a call
            Meters.dropped("the HTTP tags", e);
        }
    }

    private static String status(int code) {
        return code >= 0 && code < STATUS_CODES.length ? STATUS_CODES[code] : Integer.toString(code);
    }

    private static String boundedName(AuthTransport transport) {
        try {
            return TagValues.boundedName(transport.name());
        } catch (Throwable e) { // a transport's name() is its own code
            return TagValues.UNKNOWN_NAME;
        }
    }
}
