package io.qbauth.event;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent.CreationReason;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.ReplayResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a client does that has a start and an end, as an {@link AuthInstrumentation} sees it. Like
 * {@link AuthEvent}s, activities carry bounded values (enums, an HTTP method, a URI template) plus, for an HTTP
 * exchange, the request's URL; never a token, a secret, a password, a login or a user id. The nesting:
 *
 * <pre>
 * ClientOperation                      every QbAuthClient method
 * ├── SessionAcquisition               CACHED, CREATED (and the creation under it) or JOINED (another's creation)
 * │   └── SessionCreation              POST /session.json, signed
 * │       └── HttpExchange
 * ├── HttpExchange                     the call itself
 * └── RequestReplay                    after 401 "Required session does not exist"
 *     ├── SessionAcquisition
 *     └── HttpExchange                 replay = true
 * </pre>
 */
public sealed interface AuthActivity {

    /** A {@code QbAuthClient} method, from the call to the completion of its stage. */
    final class ClientOperation implements AuthActivity {
        private final Operation operation;
        private final AuthMethod method;
        private SessionKind kind;

        /**
         * @param operation the client method
         * @param method    how it authenticates, {@code null} when it does not
         * @param kind      as {@link AuthEvent.OperationCompleted#kind()}: the kind the operation establishes, else
         *                  the kind of the session when the call started; {@code null} without one
         */
        public ClientOperation(Operation operation, AuthMethod method, SessionKind kind) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.method = method;
            this.kind = kind;
        }

        /** The client method. */
        public Operation operation() {
            return operation;
        }

        /** How the operation authenticates, {@code null} when it does not. */
        public AuthMethod method() {
            return method;
        }

        /** The session kind, {@code null} when none; final when the scope stops (an adopted token's kind). */
        public SessionKind kind() {
            return kind;
        }

        /** Sets the kind known at the end ({@code startSessionWithToken}). */
        public void kind(SessionKind value) {
            kind = value;
        }
    }

    /** How a caller got its session. */
    enum Acquisition {
        /** The current session was fresh: no wait. */
        CACHED,
        /** This caller started the creation (a {@link SessionCreation} is its child). */
        CREATED,
        /** This caller waited for a creation another caller had started ({@link SessionAcquisition#creationId()}). */
        JOINED,
        /** No session could be had without trying: the last creation failed for good, or retrying must wait. */
        REFUSED
    }

    /** A caller getting a usable session for its call. */
    final class SessionAcquisition implements AuthActivity {
        private final SessionKind kind;
        private Acquisition acquisition = Acquisition.CACHED;
        private long creationId;

        /** @param kind the kind of the identity sessions are made for */
        public SessionAcquisition(SessionKind kind) {
            this.kind = kind;
        }

        /** The kind of session being acquired. */
        public SessionKind kind() {
            return kind;
        }

        /** How the session was had; final when the scope stops. */
        public Acquisition acquisition() {
            return acquisition;
        }

        /** The {@link SessionCreation#id()} this caller started or joined, 0 for {@link Acquisition#CACHED}. */
        public long creationId() {
            return creationId;
        }

        /** Records how the session was had. */
        public void acquired(Acquisition how, long creation) {
            acquisition = Objects.requireNonNull(how, "how");
            creationId = creation;
        }
    }

    /** The creation of a session ({@code POST /session.json}), shared by every caller that joins it. */
    final class SessionCreation implements AuthActivity {
        private final SessionKind kind;
        private final AuthMethod method;
        private final CreationReason reason;
        private final long id;

        /**
         * @param kind   the kind of session created
         * @param method its sign-in method ({@link AuthMethod#APPLICATION} for an application session)
         * @param reason why it is created
         * @param id     a number unique in this process, which the {@link SessionAcquisition}s that joined it name
         */
        public SessionCreation(SessionKind kind, AuthMethod method, CreationReason reason, long id) {
            this.kind = kind;
            this.method = method;
            this.reason = reason;
            this.id = id;
        }

        /** The kind of session created. */
        public SessionKind kind() {
            return kind;
        }

        /** The sign-in method. */
        public AuthMethod method() {
            return method;
        }

        /** Why it is created. */
        public CreationReason reason() {
            return reason;
        }

        /** Unique in this process: joiners name it. */
        public long id() {
            return id;
        }
    }

    /**
     * One HTTP request and its reply. Until its scope is returned by {@link AuthInstrumentation#start}, the
     * request is not yet sent: {@link #header} adds a header to it (trace-context propagation).
     */
    final class HttpExchange implements AuthActivity {
        /** The status of an exchange that got no reply. */
        public static final int NO_STATUS = -1;

        private final String method;
        private final String uriTemplate;
        private final URI uri;
        private final String transport;
        private final boolean replay;
        private final Map<String, List<String>> headers;
        private volatile boolean sent;
        private int status = NO_STATUS;

        /**
         * @param method      the HTTP method
         * @param uriTemplate the request's URI template ({@code /users/{id}.json}), {@code null} if it has none
         * @param uri         the request's URL
         * @param transport   the transport's name
         * @param replay      whether this is the resend of a request after a session re-creation
         * @param headers     the request's headers, writable until the request is sent
         */
        public HttpExchange(String method, String uriTemplate, URI uri, String transport, boolean replay,
                            Map<String, List<String>> headers) {
            this.method = method;
            this.uriTemplate = uriTemplate;
            this.uri = uri;
            this.transport = transport;
            this.replay = replay;
            this.headers = headers;
        }

        /** The HTTP method. */
        public String method() {
            return method;
        }

        /** The URI template, {@code null} if the request has none. */
        public String uriTemplate() {
            return uriTemplate;
        }

        /** The request's URL (with its query: an adapter shows at most scheme, host, port and path). */
        public URI uri() {
            return uri;
        }

        /** The transport's name. */
        public String transport() {
            return transport;
        }

        /** Whether the request is resent after a session re-creation. */
        public boolean replay() {
            return replay;
        }

        /** The reply's status, {@link #NO_STATUS} without a reply; final when the scope stops. */
        public int status() {
            return status;
        }

        /** Records the reply's status. */
        public void status(int value) {
            status = value;
        }

        /**
         * Adds a request header, e.g. W3C {@code traceparent}; ignored once the request is sent, and when the request
         * already has that header (the SDK's own, {@code QB-Token}, {@code QB-SDK}, ..., or the application's).
         */
        public void header(String name, String value) {
            if (sent || name == null || value == null || headers.containsKey(name)) {
                return;
            }
            headers.put(name, List.of(value));
        }

        /** Called by the client when the request leaves: later {@link #header} calls are ignored. */
        public void markSent() {
            sent = true;
        }
    }

    /** The resend of a request the server rejected with "Required session does not exist". */
    final class RequestReplay implements AuthActivity {
        private final String method;
        private ReplayResult result = ReplayResult.FAILED;

        /** @param method the HTTP method of the request */
        public RequestReplay(String method) {
            this.method = method;
        }

        /** The HTTP method. */
        public String method() {
            return method;
        }

        /** What happened; final when the scope stops. */
        public ReplayResult result() {
            return result;
        }

        /** Records what happened. */
        public void result(ReplayResult value) {
            result = Objects.requireNonNull(value, "value");
        }
    }
}
