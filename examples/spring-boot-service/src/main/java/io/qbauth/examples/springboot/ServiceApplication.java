package io.qbauth.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service on qbauth's Spring Boot starter: the {@code QbAuthClient} and the {@code UserPool} come from the
 * {@code qbauth.*} properties, with nothing configured in code. See {@link UsersController} for the endpoints.
 */
@SpringBootApplication
public class ServiceApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(ServiceApplication.class, args);
    }
}
