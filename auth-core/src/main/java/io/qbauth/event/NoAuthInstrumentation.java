package io.qbauth.event;

/** {@link AuthInstrumentation#none()}: starts nothing. */
enum NoAuthInstrumentation implements AuthInstrumentation {
    INSTANCE;

    @Override
    public AuthScope start(AuthActivity activity, AuthScope parent) {
        return AuthScope.NONE;
    }
}
