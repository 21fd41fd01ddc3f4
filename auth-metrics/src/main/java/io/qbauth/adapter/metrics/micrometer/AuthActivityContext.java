package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.observation.Observation;
import io.qbauth.event.AuthActivity;
import java.util.Objects;

/**
 * The {@link Observation.Context} of a qbauth operation, session acquisition, session creation or replay: every
 * activity but the HTTP exchange, which has its own {@link HttpExchangeContext}.
 */
public final class AuthActivityContext extends Observation.Context implements QbAuthObservationContext {

    private final AuthActivity activity;

    /** @param activity the activity observed */
    public AuthActivityContext(AuthActivity activity) {
        this.activity = Objects.requireNonNull(activity, "activity");
    }

    @Override
    public AuthActivity activity() {
        return activity;
    }
}
