package io.qbauth.adapter.metrics.micrometer.support;

import io.qbauth.QbAuth;
import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.TestClock;
import java.time.Duration;

/** An emulator for the tests: one application, cheap password hashing, a wide timestamp window for clock jumps. */
public final class Emulators {

    public static final long APP_ID = 73_519;
    public static final String AUTH_KEY = "authkey-Qv7Lm2Xa";
    public static final String AUTH_SECRET = "authsecret-Zr8Kp4Wd";
    public static final String ALICE = "alice-Hq3Vn9";
    public static final String ALICE_PASSWORD = "password-Jt6Cx1Rb";

    private Emulators() {
    }

    /** A builder with the application and Alice, on 127.0.0.1 and a free port. */
    public static QbEmulator.Builder builder(TestClock clock) {
        return QbEmulator.builder()
                .host("127.0.0.1")
                .port(0)
                .app(EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET))
                .user(APP_ID, ALICE, ALICE_PASSWORD)
                .passwordHashIterations(1)
                .clock(clock)
                .timestampWindow(Duration.ofDays(1));
    }

    /** A client builder for {@code emulator}'s application. */
    public static QbAuth.Builder client(QbEmulator emulator) {
        return QbAuth.builder()
                .endpoint(emulator.baseUrl())
                .allowPlainHttp(true)
                .applicationId(APP_ID)
                .authKey(AUTH_KEY)
                .authSecret(AUTH_SECRET);
    }
}
