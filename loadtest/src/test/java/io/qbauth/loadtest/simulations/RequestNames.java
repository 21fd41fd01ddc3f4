package io.qbauth.loadtest.simulations;

import java.util.List;

/** The stable group and request names the report, the assertions and the summary use. */
final class RequestNames {

    /** The group of the login storm and sign-up requests, inside the client's group. */
    static final String STORM = "storm";
    /** The group of the session-refresh requests and the single-flight check, inside the client's group. */
    static final String REFRESH = "refresh";
    /** The group of the many-users requests and their single-flight check, inside the client's group. */
    static final String MANY_USERS = "many-users";
    /** The group of the fleet scenario's requests and its check, inside the side's group. */
    static final String FLEET = "fleet";

    static final String CREATE_APP_SESSION = "create-app-session";
    static final String LOGIN = "login";
    static final String LOGIN_EMAIL = "login-email";
    static final String SIGN_UP = "sign-up";
    static final String GET_SESSION = "get-session";
    static final String API_CALL = "api-call";
    static final String DESTROY_SESSION = "destroy-session";
    /** A synthetic request: OK when the single-flight property held for the client, KO otherwise. */
    static final String SINGLE_FLIGHT_CHECK = "single-flight-check";
    /** A synthetic request: OK when a side of the fleet scenario did what it is for ({@link FleetVerdict}). */
    static final String FLEET_CHECK = "fleet-check";

    /** The login-storm calls every client makes, whatever the settings (sign-up aside). */
    static final List<String> STORM_CALLS = List.of(CREATE_APP_SESSION, LOGIN, LOGIN_EMAIL, API_CALL,
            DESTROY_SESSION);
    /** The session-refresh (and many-users) calls every client makes. */
    static final List<String> REFRESH_CALLS = List.of(API_CALL, GET_SESSION);

    private RequestNames() {
    }
}
