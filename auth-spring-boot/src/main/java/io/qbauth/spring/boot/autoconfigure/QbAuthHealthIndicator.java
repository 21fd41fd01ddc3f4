package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code qbauth} health component. It reads what the client already knows and never calls QuickBlox: a probe
 * every few seconds must not spend the application's rate limit, nor create a session. Details: {@code session}
 * ({@code present} or {@code none}), {@code kind} and {@code expiresIn} of a present session,
 * {@code lastCreationError} (the exception's simple class name) when the last session creation failed, and
 * {@code store} ({@code reachable} or {@code unreachable}) with a shared Redis store. DOWN while the last creation
 * failed and no session is held; UP otherwise (also before the first call: nothing is created for a probe). An
 * unreachable store leaves the status UP: the client then creates its sessions itself. No token, key or user id
 * is shown.
 */
public final class QbAuthHealthIndicator implements HealthIndicator {

    private final QbAuthClient client;
    private final SessionCreationRecorder creations;
    private final BooleanSupplier storeReachable;
    private final Clock clock;

    QbAuthHealthIndicator(QbAuthClient client, SessionCreationRecorder creations, BooleanSupplier storeReachable,
                          Clock clock) {
        this.client = client;
        this.creations = creations;
        this.storeReachable = storeReachable;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Optional<Session> session = client.currentSession();
        Optional<String> failure = creations == null ? Optional.empty() : creations.lastFailure();
        Health.Builder health = session.isEmpty() && failure.isPresent() ? Health.down() : Health.up();
        if (session.isPresent()) {
            Duration left = Duration.between(clock.instant(), session.get().expiresAt());
            health.withDetail("session", "present")
                    .withDetail("kind", session.get().kind().name())
                    .withDetail("expiresIn", left.isNegative() ? Duration.ZERO.toString() : left.withNanos(0).toString());
        } else {
            health.withDetail("session", "none");
        }
        failure.ifPresent(name -> health.withDetail("lastCreationError", name));
        if (storeReachable != null) {
            health.withDetail("store", storeReachable.getAsBoolean() ? "reachable" : "unreachable");
        }
        return health.build();
    }
}
