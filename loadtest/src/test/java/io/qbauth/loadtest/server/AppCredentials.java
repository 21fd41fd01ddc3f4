package io.qbauth.loadtest.server;

import java.net.URI;

/**
 * One QuickBlox application as a client sees it: where it is served and its keys. {@link #toString()} hides the
 * secret.
 *
 * @param baseUrl    the API base URL, e.g. {@code http://127.0.0.1:41234}
 * @param id         the application id
 * @param authKey    the {@code auth_key}
 * @param authSecret the signature key
 */
public record AppCredentials(URI baseUrl, long id, String authKey, String authSecret) {

    @Override
    public String toString() {
        return "AppCredentials[" + baseUrl + ", id=" + id + ", authKey=" + authKey + ", authSecret=***]";
    }
}
