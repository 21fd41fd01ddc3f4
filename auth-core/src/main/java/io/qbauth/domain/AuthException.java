package io.qbauth.domain;

import java.util.List;
import java.util.Map;

/**
 * Root of every failure the SDK reports. The tree is sealed so callers can {@code switch} over it exhaustively.
 *
 * <p>Every instance carries the HTTP status (0 when no response was received) and the QuickBlox error messages
 * of the reply, if any. Messages never contain a secret: no auth secret, password, provider token or session token.
 */
public abstract sealed class AuthException extends RuntimeException
        permits InvalidInputException,
                ConfigurationException,
                ClientClosedException,
                UnexpectedFailureException,
                InvalidCredentialsException,
                ApplicationRejectedException,
                SessionExpiredException,
                InsufficientSessionException,
                ValidationException,
                RateLimitedException,
                RequestRejectedException,
                ServerException,
                TransportException,
                ProtocolException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ErrorDetails details;

    protected AuthException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.details = details == null ? ErrorDetails.NONE : details;
    }

    /** The HTTP status of the reply that caused this failure, or 0 when there was no reply. */
    public int status() {
        return status;
    }

    /** QuickBlox error messages of the reply (the array form, or the {@code base} entry of the object form). */
    public List<String> messages() {
        return details.messages();
    }

    /** Field-keyed QuickBlox error messages (e.g. {@code login -> [has already been taken]}); empty when none. */
    public Map<String, List<String>> fieldErrors() {
        return details.fieldErrors();
    }

    /** The parsed error body as a whole. */
    public ErrorDetails details() {
        return details;
    }
}
