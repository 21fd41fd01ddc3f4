package io.qbauth.e2e.support;

import io.qbauth.QbAuth;
import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Clock;

/**
 * The QuickBlox world the scenarios run in: one emulator with a normal application (with an API key), an application
 * in custom identity provider mode, and a seeded user; plus SDK clients pointed at it.
 */
public final class QuickBloxFixture {

    public static final long APP_ID = 12345L;
    public static final String AUTH_KEY = "e2e-auth-key";
    public static final String AUTH_SECRET = "e2e-auth-secret";
    public static final String API_KEY = "e2e-api-key";
    /** An application whose logins go to the (emulated) custom identity provider. */
    public static final long IDP_APP_ID = 23456L;
    public static final String IDP_AUTH_KEY = "e2e-idp-key";
    public static final String IDP_AUTH_SECRET = "e2e-idp-secret";

    public static final String ALICE_LOGIN = "alice_qb";
    public static final String ALICE_EMAIL = "alice@example.com";
    public static final String ALICE_PASSWORD = "alicePass123";

    private QuickBloxFixture() {
    }

    /** The emulator of every scenario, on 127.0.0.1 and a random port; callers add a clock or TTL as needed. */
    public static QbEmulator.Builder emulator() {
        return QbEmulator.builder().host("127.0.0.1").port(0)
                .app(EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET).withApiKey(API_KEY))
                .app(EmulatorApp.of(IDP_APP_ID, IDP_AUTH_KEY, IDP_AUTH_SECRET).withCustomIdentityProvider())
                .user(APP_ID, ALICE_LOGIN, ALICE_PASSWORD, ALICE_EMAIL, "Alice Q. Blox")
                // sign-up and login hash passwords: keep it cheap on 2 cores
                .passwordHashIterations(1_000);
    }

    /** A client builder for the normal application, with the transport given explicitly. */
    public static QbAuth.Builder client(QbEmulator emulator, AuthTransport transport) {
        return QbAuth.builder().endpoint(emulator.baseUrl()).allowPlainHttp(true)
                .applicationId(APP_ID).authKey(AUTH_KEY).authSecret(AUTH_SECRET).apiKey(API_KEY)
                .transport(transport);
    }

    /** A client builder for the normal application whose SDK reads time from {@code clock}. */
    public static QbAuth.Builder client(QbEmulator emulator, AuthTransport transport, Clock clock) {
        return client(emulator, transport).clock(clock);
    }

    /** A client builder for the custom identity provider application. */
    public static QbAuth.Builder idpClient(QbEmulator emulator, AuthTransport transport) {
        return QbAuth.builder().endpoint(emulator.baseUrl()).allowPlainHttp(true)
                .applicationId(IDP_APP_ID).authKey(IDP_AUTH_KEY).authSecret(IDP_AUTH_SECRET)
                .transport(transport);
    }
}
