package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.Observation;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservationDocumentation.HighKeys;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservationDocumentation.LowKeys;
import io.qbauth.domain.TransportException;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthActivity.ClientOperation;
import io.qbauth.event.AuthActivity.HttpExchange;
import io.qbauth.event.AuthActivity.RequestReplay;
import io.qbauth.event.AuthActivity.SessionAcquisition;
import io.qbauth.event.AuthActivity.SessionCreation;
import io.qbauth.event.AuthEvent;
import io.qbauth.spi.TransportSupport;
import java.net.URI;

/**
 * The keys of {@link QbAuthObservationDocumentation}, with the same values as the tags of {@link QbAuthMetrics}'
 * meters where they share a key. Contextual (span) names: {@code qbauth <operation>} ({@code qbauth login}),
 * {@code session acquisition}, {@code session creation}, {@code <METHOD> <uri template>} ({@code POST /session.json}),
 * {@code request replay}.
 */
public class DefaultQbAuthObservationConvention implements QbAuthObservationConvention {

    private static final String DEFAULT_CLIENT_NAME = "qbauth";

    private final String clientName;
    private final UriTemplates uris = new UriTemplates();

    /** With {@code client.name=qbauth}. */
    public DefaultQbAuthObservationConvention() {
        this(DEFAULT_CLIENT_NAME);
    }

    /** @param clientName the {@code client.name} value (bounded: tell clients apart, not requests) */
    public DefaultQbAuthObservationConvention(String clientName) {
        this.clientName = clientName == null || clientName.isBlank() ? DEFAULT_CLIENT_NAME : clientName;
    }

    @Override
    public String getContextualName(Observation.Context context) {
        return switch (activity(context)) {
            case ClientOperation operation -> "qbauth " + TagValues.operation(operation.operation());
            case SessionAcquisition acquisition -> "session acquisition";
            case SessionCreation creation -> "session creation";
            case HttpExchange exchange -> TagValues.httpMethod(exchange.method()) + " " + uris.of(exchange.uriTemplate(),
                    exchange.uri());
            case RequestReplay replay -> "request replay";
        };
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(Observation.Context context) {
        Throwable failure = TransportSupport.unwrap(context.getError());
        KeyValue client = LowKeys.CLIENT_NAME.withValue(clientName);
        return switch (activity(context)) {
            case ClientOperation operation -> {
                AuthEvent.Outcome outcome = AuthEvent.Outcome.of(failure);
                yield KeyValues.of(LowKeys.OPERATION.withValue(TagValues.operation(operation.operation())),
                        LowKeys.SESSION_KIND.withValue(TagValues.sessionKind(operation.kind())),
                        LowKeys.AUTH_METHOD.withValue(TagValues.authMethod(operation.operation(), operation.method())),
                        LowKeys.OUTCOME.withValue(TagValues.outcome(outcome)),
                        LowKeys.EXCEPTION.withValue(TagValues.exception(outcome)), client);
            }
            case SessionAcquisition acquisition -> KeyValues.of(
                    LowKeys.SESSION_KIND.withValue(TagValues.sessionKind(acquisition.kind())),
                    LowKeys.OUTCOME.withValue(failure != null ? "failed" : TagValues.lower(acquisition.acquisition())),
                    LowKeys.EXCEPTION.withValue(TagValues.exception(failure)), client);
            case SessionCreation creation -> KeyValues.of(
                    LowKeys.SESSION_KIND.withValue(TagValues.sessionKind(creation.kind())),
                    LowKeys.AUTH_METHOD.withValue(TagValues.authMethod(creation.method())),
                    LowKeys.REASON.withValue(TagValues.lower(creation.reason())),
                    LowKeys.OUTCOME.withValue(failure == null ? TagValues.SUCCESS : TagValues.FAILURE),
                    LowKeys.EXCEPTION.withValue(TagValues.exception(failure)), client);
            case HttpExchange exchange -> http(exchange, failure, client);
            case RequestReplay replay -> KeyValues.of(
                    LowKeys.METHOD.withValue(TagValues.httpMethod(replay.method())),
                    LowKeys.RESULT.withValue(TagValues.lower(replay.result())),
                    LowKeys.OUTCOME.withValue(failure == null ? TagValues.SUCCESS : TagValues.FAILURE),
                    LowKeys.EXCEPTION.withValue(TagValues.exception(failure)), client);
        };
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(Observation.Context context) {
        return switch (activity(context)) {
            case HttpExchange exchange -> KeyValues.of(HighKeys.HTTP_URL.withValue(
                    url(exchange.uri(), uris.of(exchange.uriTemplate(), exchange.uri()))));
            case SessionAcquisition acquisition -> acquisition.creationId() > 0
                    ? KeyValues.of(HighKeys.CREATION_ID.withValue(Long.toString(acquisition.creationId())))
                    : KeyValues.empty();
            case SessionCreation creation -> KeyValues.of(HighKeys.CREATION_ID.withValue(Long.toString(creation.id())));
            default -> KeyValues.empty();
        };
    }

    private KeyValues http(HttpExchange exchange, Throwable failure, KeyValue client) {
        String status;
        String outcome;
        if (exchange.status() != HttpExchange.NO_STATUS) {
            status = Integer.toString(exchange.status());
            outcome = Outcome.forStatus(exchange.status()).name();
        } else if (failure == null) { // started, not yet stopped
            status = MeteredAuthTransport.CLIENT_ERROR;
            outcome = Outcome.UNKNOWN.name();
        } else {
            status = failure instanceof TransportException ? MeteredAuthTransport.IO_ERROR
                    : MeteredAuthTransport.CLIENT_ERROR;
            outcome = Outcome.UNKNOWN.name();
        }
        return KeyValues.of(LowKeys.METHOD.withValue(TagValues.httpMethod(exchange.method())),
                LowKeys.URI.withValue(uris.of(exchange.uriTemplate(), exchange.uri())),
                LowKeys.STATUS.withValue(status), LowKeys.OUTCOME.withValue(outcome),
                LowKeys.EXCEPTION.withValue(TagValues.exception(failure)), client,
                LowKeys.TRANSPORT.withValue(TagValues.boundedName(exchange.transport())),
                LowKeys.REPLAY.withValue(Boolean.toString(exchange.replay())));
    }

    /**
     * Scheme, host and port, then the URI template ({@code http://host:port/users/{id}.json}): never the raw path (a
     * user id), the query (ids, logins), the fragment or user info. An {@code UNKNOWN} template adds no path.
     */
    static String url(URI uri, String template) {
        if (uri == null) {
            return "";
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        String path = UriTemplates.UNKNOWN.equals(template) ? "" : template;
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + host + port + path;
    }

    private static AuthActivity activity(Observation.Context context) {
        return ((QbAuthObservationContext) context).activity();
    }
}
