package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.event.AuthActivity;

/**
 * What every qbauth {@code Observation.Context} offers a convention or a handler: the core's {@link AuthActivity}
 * it observes (read its outcome-dependent parts, such as an exchange's status, when the observation stops).
 */
public interface QbAuthObservationContext {

    /** The activity observed. */
    AuthActivity activity();
}
