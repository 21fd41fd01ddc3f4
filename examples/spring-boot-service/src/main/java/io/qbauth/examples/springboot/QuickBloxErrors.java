package io.qbauth.examples.springboot;

import io.qbauth.domain.AuthException;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.RequestRejectedException;
import io.qbauth.domain.ValidationException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps qbauth's typed errors to this service's replies (their messages never hold a secret). */
@RestControllerAdvice
class QuickBloxErrors {

    @ExceptionHandler(AuthException.class)
    ResponseEntity<Map<String, Object>> quickblox(AuthException e) {
        int status = switch (e) {
            case InvalidCredentialsException ignored -> 401;
            case ValidationException ignored -> 422;
            case InvalidInputException ignored -> 400;
            case RequestRejectedException rejected -> rejected.status() == 404 ? 404 : 502;
            default -> 502;
        };
        return ResponseEntity.status(status).body(Map.of("error", e.getClass().getSimpleName(),
                "messages", e.messages()));
    }

    @ExceptionHandler(ExecutionException.class)
    ResponseEntity<Map<String, Object>> asynchronous(ExecutionException e) {
        return e.getCause() instanceof AuthException cause ? quickblox(cause) : ResponseEntity.status(500).build();
    }
}
