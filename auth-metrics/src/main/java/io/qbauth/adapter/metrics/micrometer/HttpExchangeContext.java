package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.qbauth.event.AuthActivity;
import java.net.URI;

/**
 * The client-side request/reply context of one HTTP exchange, as Spring's {@code ClientRequestObservationContext}:
 * the carrier is the outgoing request ({@link AuthActivity.HttpExchange}), so a tracing handler
 * ({@code PropagatingSenderTracingObservationHandler}) can inject trace-context headers into it; the response is the
 * reply's status. Headers are written only when propagation was enabled
 * ({@link ObservationInstrumentation#propagateTraceContext(boolean)}), never over a header the request already has.
 */
public final class HttpExchangeContext extends RequestReplySenderContext<AuthActivity.HttpExchange, Integer>
        implements QbAuthObservationContext {

    private final AuthActivity.HttpExchange exchange;

    /**
     * @param exchange  the exchange observed, its request not yet sent
     * @param propagate whether a propagator may add headers to the request
     */
    public HttpExchangeContext(AuthActivity.HttpExchange exchange, boolean propagate) {
        super(propagate ? HttpExchangeContext::setHeader : HttpExchangeContext::ignoreHeader, Kind.CLIENT);
        this.exchange = exchange;
        setCarrier(exchange);
        URI uri = exchange.uri();
        if (uri != null && uri.getHost() != null) {
            setRemoteServiceAddress(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort()
                    : ""));
        }
        setRemoteServiceName("quickblox");
    }

    @Override
    public AuthActivity.HttpExchange activity() {
        return exchange;
    }

    private static void setHeader(AuthActivity.HttpExchange carrier, String name, String value) {
        if (carrier != null) {
            carrier.header(name, value);
        }
    }

    private static void ignoreHeader(AuthActivity.HttpExchange carrier, String name, String value) {
        // propagation is off (the default): the request leaves as the SDK built it
    }
}
