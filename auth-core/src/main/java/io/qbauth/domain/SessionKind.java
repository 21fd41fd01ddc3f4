package io.qbauth.domain;

/** Whether a session acts for the application only or for a logged-in user. */
public enum SessionKind {
    /** An application session ({@code user_id} 0): read-only, plus sign-up. */
    APPLICATION,
    /** A user session: acts on behalf of one user. */
    USER
}
