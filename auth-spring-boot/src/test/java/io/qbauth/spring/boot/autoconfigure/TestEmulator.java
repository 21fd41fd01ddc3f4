package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One application and one user on an emulator per test class, and a context runner configured for it. */
final class TestEmulator {

    static final long APP_ID = 41_207;
    static final String AUTH_KEY = "authkey-Bt5Wq8Ze";
    static final String AUTH_SECRET = "authsecret-Yp3Nc7Ld";
    static final String API_KEY = "apikey-Mx4Rv2Gs";
    static final String ALICE = "alice-Kd9Fw2";
    static final String ALICE_PASSWORD = "password-Vn5Hq8Tj";

    private TestEmulator() {
    }

    /**
     * Waits, at most 10 s, until {@code condition} holds: the client notifies its listeners after it completes the
     * call, possibly on another thread, so an event may arrive just after the call returned.
     */
    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    static QbEmulatorExtension extension() {
        return QbEmulatorExtension.builder()
                .host("127.0.0.1")
                .port(0)
                .app(EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET).withApiKey(API_KEY))
                .user(APP_ID, ALICE, ALICE_PASSWORD)
                .passwordHashIterations(1)
                .build();
    }

    /** A runner with the auto-configurations and the {@code qbauth.*} properties of the emulator's application. */
    static ApplicationContextRunner runner(QbEmulatorExtension emulator) {
        return new ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        QbAuthAutoConfiguration.class, QbAuthHealthAutoConfiguration.class))
                .withPropertyValues(
                        "qbauth.endpoint=" + emulator.baseUrl(),
                        "qbauth.allow-plain-http=true",
                        "qbauth.application-id=" + APP_ID,
                        "qbauth.auth-key=" + AUTH_KEY,
                        "qbauth.auth-secret=" + AUTH_SECRET,
                        "qbauth.api-key=" + API_KEY);
    }
}
