package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.FleetSessionAcquired;
import io.qbauth.event.AuthEvent.FlightJoined;
import io.qbauth.event.AuthEvent.LoggedIn;
import io.qbauth.event.AuthEvent.LoggedOut;
import io.qbauth.event.AuthEvent.OperationCompleted;
import io.qbauth.event.AuthEvent.PoolIdentityAdded;
import io.qbauth.event.AuthEvent.PoolIdentityRemoved;
import io.qbauth.event.AuthEvent.RequestReplayed;
import io.qbauth.event.AuthEvent.SessionCreated;
import io.qbauth.event.AuthEvent.SessionCreationFailed;
import io.qbauth.event.AuthEvent.SessionDestroyed;
import io.qbauth.event.AuthEvent.SessionExpired;
import io.qbauth.event.AuthEvent.SessionInvalidated;
import io.qbauth.event.AuthEvent.SessionRecreated;
import io.qbauth.event.AuthEvent.SharedStoreRecovered;
import io.qbauth.event.AuthEvent.SharedStoreUnavailable;
import io.qbauth.event.AuthEventListener;

/**
 * Turns the core's events into meters, as Micrometer's {@code OkHttpMetricsEventListener} does: every completed
 * operation into {@code qbauth.operations}, session creations into {@code qbauth.session.creation} (timed) and
 * {@code qbauth.session.creations} (counted, with their reason), and counts re-creations, flight joins,
 * invalidations, expirations, replays, destructions, logins and logouts, and keeps a user pool's held identities
 * ({@code qbauth.pool.identities}, added, removed by reason), and a fleet's store availability
 * ({@code qbauth.store.available}) and acquisitions ({@code qbauth.fleet.acquisitions}). Never throws.
 */
final class MicrometerAuthEventListener implements AuthEventListener {

    private final Meters meters;

    MicrometerAuthEventListener(Meters meters) {
        this.meters = meters;
    }

    @Override
    public void onEvent(AuthEvent event) {
        try {
            count(event);
        } catch (Throwable e) { // the registry and its filters are the application's: never break the publisher
            Meters.dropped("an AuthEvent", e);
        }
    }

    private void count(AuthEvent event) {
        switch (event) {
            case OperationCompleted e -> meters.operation(e.duration(), TagValues.operation(e.operation()),
                    TagValues.sessionKind(e.kind()), TagValues.authMethod(e.operation(), e.method()),
                    TagValues.outcome(e.outcome()), TagValues.exception(e.outcome()));
            case SessionCreated e -> meters.sessionCreation(TagValues.sessionKind(e.kind()),
                    TagValues.authMethod(e.method()), TagValues.lower(e.reason()), TagValues.SUCCESS, e.duration());
            case SessionCreationFailed e -> meters.sessionCreation(TagValues.sessionKind(e.kind()),
                    TagValues.authMethod(e.method()), TagValues.lower(e.reason()), TagValues.FAILURE, e.duration());
            case SessionRecreated e -> meters.sessionRecreation(TagValues.sessionKind(e.kind()));
            case FlightJoined e -> meters.flightJoin(TagValues.sessionKind(e.kind()));
            case SessionInvalidated e -> meters.invalidation(TagValues.lower(e.outcome()));
            case SessionExpired e -> meters.expiration(TagValues.sessionKind(e.kind()));
            case RequestReplayed e -> meters.replay(TagValues.httpMethod(e.httpMethod()), TagValues.lower(e.result()));
            case SessionDestroyed e -> meters.destruction(TagValues.sessionKind(e.kind()));
            case LoggedIn e -> meters.login(TagValues.authMethod(e.method()));
            case LoggedOut e -> meters.logout();
            case PoolIdentityAdded e -> meters.poolIdentityAdded();
            case PoolIdentityRemoved e -> meters.poolIdentityRemoved(TagValues.lower(e.reason()));
            case SharedStoreUnavailable e -> meters.storeAvailable(false);
            case SharedStoreRecovered e -> meters.storeAvailable(true);
            case FleetSessionAcquired e -> meters.fleetAcquisition(TagValues.lower(e.outcome()));
        }
    }
}
