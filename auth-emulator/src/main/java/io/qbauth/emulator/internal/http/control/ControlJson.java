package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.internal.http.rendering.ApiException;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** The JSON bodies of the control endpoints: one object with known members; anything else is a 400 naming it. */
final class ControlJson {

    private ControlJson() {
    }

    /**
     * The body as a JSON object (empty for an empty body).
     *
     * @throws ApiException 400 for a body that is not a JSON object, or that has a member not in {@code members}
     */
    static JsonObject object(Buffer body, Set<String> members) {
        JsonObject json;
        try {
            json = body == null || body.length() == 0 ? new JsonObject() : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw invalid("Malformed JSON body");
        }
        for (String name : json.fieldNames()) {
            if (!members.contains(name)) {
                throw invalid("Unknown member " + name);
            }
        }
        return json;
    }

    /** 400 {@code {"errors":{"base":[message]}}}. */
    static ApiException invalid(String message) {
        return ErrorReply.base(400, message).exception();
    }
}
