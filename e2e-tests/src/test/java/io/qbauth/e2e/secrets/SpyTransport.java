package io.qbauth.e2e.secrets;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sits under the SDK (a transport decorator): hands every request and reply's {@code toString()} to the scanner,
 * and remembers every session token the SDK sent, so the scan can look for those too.
 */
final class SpyTransport implements AuthTransport {

    private final AuthTransport delegate;
    private final SecretScanner scanner;
    private final Set<String> tokensSent = ConcurrentHashMap.newKeySet();

    SpyTransport(AuthTransport delegate, SecretScanner scanner) {
        this.delegate = delegate;
        this.scanner = scanner;
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        scanner.text("TransportRequest.toString", request);
        request.header("QB-Token").ifPresent(tokensSent::add);
        return delegate.execute(request).whenComplete((response, failure) -> {
            if (response != null) {
                scanner.text("ApiResponse.toString", response);
            }
            if (failure != null) {
                scanner.throwable("transport failure", failure);
            }
        });
    }

    Set<String> tokensSent() {
        return Set.copyOf(tokensSent);
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
        return "SpyTransport[" + delegate + "]";
    }
}
