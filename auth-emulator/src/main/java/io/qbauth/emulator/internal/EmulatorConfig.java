package io.qbauth.emulator.internal;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.ProviderTokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an emulator starts with; validated on construction.
 *
 * @param host address to bind
 * @param port port to bind, 0 for any free port
 * @param apps applications, at least one, unique ids
 * @param users users to create at start
 * @param sessionTtl sliding session lifetime
 * @param timestampWindow how far create-session timestamps may be from the clock
 * @param clock the emulator's clock
 * @param passwordHashIterations PBKDF2 iterations
 * @param maxBodyBytes request body limit
 * @param maxHeaderBytes request header limit
 * @param providerTokenVerifier provider token checks
 */
public record EmulatorConfig(
        String host,
        int port,
        List<EmulatorApp> apps,
        List<SeedUser> users,
        Duration sessionTtl,
        Duration timestampWindow,
        Clock clock,
        int passwordHashIterations,
        int maxBodyBytes,
        int maxHeaderBytes,
        ProviderTokenVerifier providerTokenVerifier) {

    /** Validates and copies. */
    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        apps = List.copyOf(apps);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("configure at least one application");
        }
        users = List.copyOf(users);
        requirePositive(sessionTtl, "session TTL");
        requirePositive(timestampWindow, "timestamp window");
        Objects.requireNonNull(clock, "clock");
        if (passwordHashIterations < 1) {
            throw new IllegalArgumentException("password hash iterations must be at least 1");
        }
        if (maxBodyBytes < 1 || maxHeaderBytes < 1) {
            throw new IllegalArgumentException("body and header limits must be positive");
        }
        Objects.requireNonNull(providerTokenVerifier, "providerTokenVerifier");
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
