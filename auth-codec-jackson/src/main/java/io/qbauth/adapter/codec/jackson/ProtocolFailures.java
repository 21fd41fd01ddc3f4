package io.qbauth.adapter.codec.jackson;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.ProtocolException;

/** The one way the codec reports a reply it cannot use: a {@link ProtocolException} that ends with the status. */
final class ProtocolFailures {

    private ProtocolFailures() {
    }

    /** {@code message} must quote nothing from the reply but what {@link ReplySnippet} allows. */
    static ProtocolException of(int status, String message) {
        return new ProtocolException(message + " (HTTP " + status + ")", status, ErrorDetails.NONE);
    }
}
