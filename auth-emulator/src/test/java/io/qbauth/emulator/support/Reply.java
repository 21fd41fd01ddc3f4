package io.qbauth.emulator.support;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;

/** A reply as the test client saw it. */
public record Reply(int status, HttpHeaders headers, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonObject json() {
        return new JsonObject(body);
    }

    public JsonObject session() {
        return json().getJsonObject("session");
    }

    public JsonObject user() {
        return json().getJsonObject("user");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
