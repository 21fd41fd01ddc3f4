package io.qbauth.examples.springboot;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the service against an embedded emulator, for trying it out without a QuickBlox account:
 * {@code ./mvnw -B -ntp -Pemulator -pl examples/spring-boot-service -am verify -DskipTests} (README.md). The
 * emulator serves {@link #APP_ID} and the user {@link #ALICE}; it stops with the service (Ctrl-C).
 */
public final class DevServiceApplication {

    static final long APP_ID = 12_345;
    static final String AUTH_KEY = "dev-auth-key";
    static final String AUTH_SECRET = "dev-auth-secret";
    static final String ALICE = "alice_qb";
    static final String ALICE_PASSWORD = "alicePass123";

    private DevServiceApplication() {
    }

    /** Starts the emulator, then the service on it; extra arguments go to Spring Boot. */
    public static void main(String[] args) {
        QbEmulator emulator = QbEmulator.builder().host("127.0.0.1").port(0)
                .app(EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET))
                .user(APP_ID, ALICE, ALICE_PASSWORD)
                .start();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(properties(emulator).stream().map(p -> "--" + p).toList());
        ConfigurableApplicationContext service = SpringApplication.run(ServiceApplication.class,
                arguments.toArray(String[]::new));
        service.registerShutdownHook();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
    }

    /** The {@code qbauth.*} properties of the emulator's application. */
    static List<String> properties(QbEmulator emulator) {
        return List.of("qbauth.endpoint=" + emulator.baseUrl(), "qbauth.allow-plain-http=true",
                "qbauth.application-id=" + APP_ID, "qbauth.auth-key=" + AUTH_KEY, "qbauth.auth-secret=" + AUTH_SECRET);
    }
}
