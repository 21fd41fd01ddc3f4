package io.qbauth.e2e.soak;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The soak run's settings, from system properties.
 *
 * @param duration how long calls are made ({@code soak.minutes}, default 10)
 * @param rate calls per second over all clients ({@code soak.rate}, default 100)
 * @param transports transports under test, each with its own clients ({@code soak.transport}, default
 *     {@code jdk,vertx})
 * @param clientsPerTransport clients (one user each) per transport ({@code soak.clients}, default 4)
 * @param ttl the emulator's session lifetime ({@code soak.ttlSeconds}, default 3)
 * @param active how long a client is called before it idles past the TTL ({@code soak.activeSeconds}, default 4)
 * @param restartEvery how often the emulator loses every session ({@code soak.restartSeconds}, default 60; 0: never)
 * @param warmUp calls made before the start figures are taken ({@code soak.warmupSeconds}, default 15)
 */
record SoakConfig(Duration duration, int rate, List<String> transports, int clientsPerTransport, Duration ttl,
                  Duration active, Duration restartEvery, Duration warmUp) {

    static SoakConfig fromSystemProperties() {
        return new SoakConfig(
                Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("soak.minutes", "10")) * 60)),
                Integer.getInteger("soak.rate", 100),
                Arrays.stream(System.getProperty("soak.transport", "jdk,vertx").split(",")).map(String::trim)
                        .filter(name -> !name.isEmpty()).toList(),
                Integer.getInteger("soak.clients", 4),
                Duration.ofSeconds(Integer.getInteger("soak.ttlSeconds", 3)),
                Duration.ofSeconds(Integer.getInteger("soak.activeSeconds", 4)),
                Duration.ofSeconds(Integer.getInteger("soak.restartSeconds", 60)),
                Duration.ofSeconds(Integer.getInteger("soak.warmupSeconds", 15)));
    }

    /** One wave: active, then idle one second past the TTL so every session expires before the next. */
    Duration wave() {
        return active.plus(ttl).plusSeconds(1);
    }

    @Override
    public String toString() {
        return "duration=" + duration.toSeconds() + "s rate=" + rate + "/s transports=" + transports + " clients="
                + clientsPerTransport + "/transport ttl=" + ttl.toSeconds() + "s active=" + active.toSeconds()
                + "s/wave of " + wave().toSeconds() + "s restartEvery=" + restartEvery.toSeconds() + "s warmUp="
                + warmUp.toSeconds() + "s";
    }
}
