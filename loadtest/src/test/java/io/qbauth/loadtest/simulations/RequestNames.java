package io.qbauth.loadtest.simulations;

import java.util.List;

/** The stable request names the report, the assertions and the summary use. */
final class RequestNames {

    static final String CREATE_APP_SESSION = "create-app-session";
    static final String LOGIN = "login";
    static final String LOGIN_EMAIL = "login-email";
    static final String SIGN_UP = "sign-up";
    static final String GET_SESSION = "get-session";
    static final String API_CALL = "api-call";
    static final String DESTROY_SESSION = "destroy-session";
    /** A synthetic request: OK when the single-flight property held for the client, KO otherwise. */
    static final String SINGLE_FLIGHT_CHECK = "single-flight-check";

    /** The names of real calls every client makes, whatever the settings. */
    static final List<String> ALWAYS = List.of(CREATE_APP_SESSION, LOGIN, LOGIN_EMAIL, API_CALL, DESTROY_SESSION,
            GET_SESSION);

    private RequestNames() {
    }
}
