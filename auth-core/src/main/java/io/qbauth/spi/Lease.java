package io.qbauth.spi;

import io.qbauth.domain.InvalidInputException;
import java.time.Duration;

/**
 * The right, for a limited time, to create the session of one identity for the whole fleet, and the generation that
 * fences its publication (docs/FLEET.md §3, §4). Holding a lease is an optimisation: a late holder's publication is
 * rejected by its generation, not by the lease. {@link #toString()} hides the owner token.
 *
 * @param identity   whose session the holder creates
 * @param owner      the random owner token that lets the holder (and only it) release the lease
 * @param generation the generation the holder publishes with; greater than every earlier one of the identity
 * @param ttl        how long the lease was granted for
 */
public record Lease(FleetIdentity identity, String owner, long generation, Duration ttl) {

    /** @throws InvalidInputException if a component is null or blank, the generation or the ttl not positive */
    public Lease {
        if (identity == null || owner == null || owner.isBlank() || ttl == null) {
            throw new InvalidInputException("identity, owner and ttl are required");
        }
        if (generation <= 0 || ttl.isNegative() || ttl.isZero()) {
            throw new InvalidInputException("generation and ttl must be positive");
        }
    }

    @Override
    public String toString() {
        return "Lease[identity=" + identity + ", owner=***, generation=" + generation + ", ttl=" + ttl + "]";
    }
}
