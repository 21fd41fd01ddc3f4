package io.qbauth.adapter.codec.jackson;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.User;
import io.qbauth.spi.AccountSettingsPayload;
import io.qbauth.spi.SessionPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the QuickBlox envelopes ({@code session}, {@code user}, {@code errors}, account settings) out of a parsed reply.
 */
final class Envelopes {

    private static final String BASE = "base";

    private Envelopes() {
    }

    /** {@code {"session":{...}}}; the token must be printable ASCII because the core sends it back as a header. */
    static SessionPayload session(WireObject reply) {
        WireObject session = reply.requireObject("session");
        String token = session.requireText("token");
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProtocolFailures.of(reply.status(), "reply member session.token is not printable ASCII");
        }
        return new SessionPayload(session.longOrZero("id"), session.longOrZero("application_id"),
                session.longOrZero("user_id"), token, session.optionalInstant("created_at"));
    }

    /** {@code {"api_endpoint":"...","chat_endpoint":"...",...}}: the API endpoint is required. */
    static AccountSettingsPayload accountSettings(WireObject reply) {
        return new AccountSettingsPayload(reply.requireText("api_endpoint"), reply.optionalText("chat_endpoint"));
    }

    /** {@code {"user":{...}}}; only the id is required. */
    static User user(WireObject reply) {
        WireObject user = reply.requireObject("user");
        return new User(user.requireLong("id"), user.optionalText("login"), user.optionalText("email"),
                user.optionalText("full_name"), user.optionalText("phone"), user.optionalText("website"),
                user.optionalLong("external_user_id"), user.optionalText("facebook_id"),
                user.optionalText("custom_data"), user.commaList("user_tags"), user.optionalInstant("created_at"),
                user.optionalInstant("updated_at"), user.optionalInstant("last_request_at"));
    }

    /**
     * {@code {"errors":["..."]}} or {@code {"errors":{"base":["..."],"field":["..."]}}}; a single string is accepted
     * where an array is expected.
     */
    static ErrorDetails errors(WireObject reply) {
        if (!reply.hasObject("errors")) {
            List<String> messages = reply.textList("errors");
            if (messages.isEmpty()) {
                throw ProtocolFailures.of(reply.status(), "reply has no errors");
            }
            return ErrorDetails.ofMessages(messages);
        }
        WireObject errors = reply.requireObject("errors");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String name : errors.names()) {
            if (!BASE.equals(name)) {
                fields.put(name, errors.textList(name));
            }
        }
        return new ErrorDetails(errors.textList(BASE), fields);
    }
}
