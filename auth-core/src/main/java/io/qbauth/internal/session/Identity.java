package io.qbauth.internal.session;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.config.CredentialsSupplier;

/** Who the client's session is for, which decides how it is re-created. */
public sealed interface Identity {

    /** The application itself. */
    Identity APPLICATION = new Application();

    /** The kind of session this identity gets. */
    SessionKind kind();

    /** The method a re-creation uses, for events. */
    AuthMethod method();

    /** Whether a session of this identity can be re-created without the application's help. */
    default boolean canRecreate() {
        return true;
    }

    /** The application itself: re-created with the application credentials. */
    record Application() implements Identity {
        @Override
        public SessionKind kind() {
            return SessionKind.APPLICATION;
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.APPLICATION;
        }
    }

    /** A user: re-created as a user session with credentials from {@code credentials}. */
    record User(AuthMethod method, CredentialsSupplier credentials) implements Identity {
        @Override
        public SessionKind kind() {
            return SessionKind.USER;
        }
    }

    /** An adopted token that may not be re-created (no {@code CredentialsSupplier} was configured). */
    record Adopted(SessionKind kind) implements Identity {
        @Override
        public AuthMethod method() {
            return AuthMethod.TOKEN;
        }

        @Override
        public boolean canRecreate() {
            return false;
        }
    }
}
