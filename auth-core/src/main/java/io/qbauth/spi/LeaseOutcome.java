package io.qbauth.spi;

import io.qbauth.domain.InvalidInputException;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@link SharedSessionStore#tryLease} answers: the lease; or a session newer than the one the caller knew, to
 * adopt instead of creating; or how long another holder still has the lease, and what is stored.
 */
public sealed interface LeaseOutcome {

    /**
     * The caller holds the lease: it creates the session and publishes it (or releases the lease).
     *
     * @param lease the lease
     */
    record Granted(Lease lease) implements LeaseOutcome {
        /** @throws InvalidInputException if the lease is null */
        public Granted {
            if (lease == null) {
                throw new InvalidInputException("lease is required");
            }
        }
    }

    /**
     * Another instance holds the lease: the caller waits for its publication ({@link SharedSessionStore#awaitNewer}).
     *
     * @param remaining how long the lease still runs (zero or more)
     * @param current   the session stored now, if any (older than the one being created)
     */
    record Held(Duration remaining, Optional<SharedSession> current) implements LeaseOutcome {
        /** @throws InvalidInputException if a component is null or the remaining time negative */
        public Held {
            if (remaining == null || remaining.isNegative() || current == null) {
                throw new InvalidInputException("remaining (not negative) and current are required");
            }
        }
    }

    /**
     * A session newer than the generation the caller knew is already stored (published since the caller read): the
     * caller adopts it and creates nothing. No lease was taken.
     *
     * @param current the stored session
     */
    record Newer(SharedSession current) implements LeaseOutcome {
        /** @throws InvalidInputException if the session is null */
        public Newer {
            if (current == null) {
                throw new InvalidInputException("current is required");
            }
        }
    }
}
