package io.qbauth.emulator.internal.http.endpoints;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The account the emulator plays: its key, which {@code GET /account_settings.json} requires in
 * {@code QB-Account-Key}, and the endpoints that reply announces.
 *
 * @param accountKey the account key (printable ASCII, no spaces; masked in {@link #toString()})
 * @param apiEndpoint the {@code api_endpoint} to announce; empty: the address the request was sent to
 * @param chatEndpoint the {@code chat_endpoint} to announce (a host name, as QuickBlox sends it)
 */
public record AccountSettings(String accountKey, Optional<URI> apiEndpoint, String chatEndpoint) {

    /** Validates. */
    public AccountSettings {
        Objects.requireNonNull(accountKey, "accountKey");
        if (accountKey.isBlank() || !accountKey.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("the account key must be printable ASCII without spaces");
        }
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
        apiEndpoint.ifPresent(AccountSettings::requireHttpUrl);
        Objects.requireNonNull(chatEndpoint, "chatEndpoint");
        if (chatEndpoint.isBlank()) {
            throw new IllegalArgumentException("the chat endpoint must not be blank");
        }
    }

    private static void requireHttpUrl(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the API endpoint must be an http or https URL with a host, got "
                    + endpoint);
        }
    }

    @Override
    public String toString() {
        return "AccountSettings[accountKey=***, apiEndpoint=" + apiEndpoint.map(URI::toString).orElse("(this server)")
                + ", chatEndpoint=" + chatEndpoint + "]";
    }
}
