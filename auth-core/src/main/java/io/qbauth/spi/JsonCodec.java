package io.qbauth.spi;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.User;

/**
 * Outbound port: reads and writes the QuickBlox JSON envelopes. Implemented by {@code auth-codec-jackson}.
 *
 * <p>Every read method throws {@link io.qbauth.domain.ProtocolException} (with the given status, and a message
 * that quotes no secret and at most a short prefix of non-secret content) when the bytes are empty, not JSON, or
 * JSON of an unexpected shape. Implementations must be thread-safe and bound nesting depth and sizes so hostile
 * input cannot exhaust the stack or the heap. Dates are accepted as {@code 2019-09-01T14:55:56Z} and
 * {@code 2019-08-26T20:09:22+00:00}; numbers as JSON numbers or numeric strings.
 */
public interface JsonCodec {

    /** Reads {@code {"session":{...}}}. */
    SessionPayload readSession(byte[] body, int status);

    /** Reads {@code {"user":{...}}}. */
    User readUser(byte[] body, int status);

    /**
     * Reads the error envelope {@code {"errors":[...]}} or {@code {"errors":{"field":[...]}}}; a {@code base} key
     * goes to {@link ErrorDetails#messages()}.
     */
    ErrorDetails readErrors(byte[] body, int status);

    /**
     * Reads the reply of {@code GET /account_settings.json} ({@code {"api_endpoint":"...","chat_endpoint":"...",...}}),
     * which a client configured with an account key uses to find its account's API host. The default refuses with a
     * {@link io.qbauth.domain.ProtocolException}, so a codec written before it fails clearly, not silently.
     */
    default AccountSettingsPayload readAccountSettings(byte[] body, int status) {
        throw new io.qbauth.domain.ProtocolException("the JSON codec " + name() + " cannot read account settings",
                status, io.qbauth.domain.ErrorDetails.NONE);
    }

    /** Writes maps, lists, strings, numbers, booleans and nulls as UTF-8 JSON. */
    byte[] write(Object tree);

    /** A short name for diagnostics, e.g. {@code jackson}. */
    default String name() {
        return "unknown";
    }
}
