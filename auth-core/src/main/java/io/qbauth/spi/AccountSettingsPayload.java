package io.qbauth.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts of {@code GET /account_settings.json} the SDK uses, as a codec reads them.
 *
 * @param apiEndpoint  {@code api_endpoint}: the account's REST API host, with or without a scheme
 *                     ({@code https://api.quickblox.com} or {@code apiXXXX.quickblox.com})
 * @param chatEndpoint {@code chat_endpoint}, if the reply has one (not used by the SDK; kept for applications that log
 *                     it)
 */
public record AccountSettingsPayload(String apiEndpoint, Optional<String> chatEndpoint) {

    /** Checks that the API endpoint is there; an absent chat endpoint becomes empty. */
    public AccountSettingsPayload {
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
        chatEndpoint = chatEndpoint == null ? Optional.empty() : chatEndpoint;
    }
}
