package io.qbauth.emulator.internal.state;

import io.qbauth.emulator.EmulatorApp;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured applications, found by id or by API key. Immutable after construction. */
public final class AppRegistry {

    private final Map<Long, AppState> byId;

    /**
     * @param apps the applications; ids must be unique
     * @param sessions the shared session store
     * @param timestampWindow create-session timestamp window
     */
    public AppRegistry(List<EmulatorApp> apps, SessionStore sessions, Duration timestampWindow) {
        Map<Long, AppState> states = new LinkedHashMap<>();
        for (EmulatorApp app : apps) {
            if (states.putIfAbsent(app.id(), new AppState(app, sessions, timestampWindow)) != null) {
                throw new IllegalArgumentException("application " + app.id() + " is configured twice");
            }
        }
        this.byId = Collections.unmodifiableMap(states);
    }

    /** The application with this id. */
    public Optional<AppState> byId(long applicationId) {
        return Optional.ofNullable(byId.get(applicationId));
    }

    /** The application whose API key is {@code apiKey}; keys are compared in constant time. */
    public Optional<AppState> byApiKey(String apiKey) {
        byte[] presented = apiKey.getBytes(StandardCharsets.UTF_8);
        return byId.values().stream()
                .filter(state -> state.app().apiKey()
                        .map(key -> MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), presented))
                        .orElse(false))
                .findFirst();
    }

    /** All applications, in configuration order. */
    public Collection<AppState> all() {
        return byId.values();
    }
}
