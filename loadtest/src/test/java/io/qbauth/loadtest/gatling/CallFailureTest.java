package io.qbauth.loadtest.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CallFailureTest {

    private static final class Rejected extends RuntimeException implements HttpStatusFailure {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("x".repeat(500));
        }

        @Override
        public int status() {
            return 429;
        }
    }

    @Test
    void showsTheHttpStatusOfAWrappedFailureAndABoundedMessage() {
        CallFailure failure = CallFailure.of(new CompletionException(new Rejected()));

        assertThat(failure.code()).isEqualTo("429");
        assertThat(failure.message()).startsWith("Rejected: ").hasSize(CallFailure.MAX_MESSAGE_LENGTH);
    }

    @Test
    void showsTheExceptionNameWithoutAStatus() {
        assertThat(CallFailure.of(new IllegalStateException("boom")))
                .isEqualTo(new CallFailure("IllegalStateException", "IllegalStateException: boom"));
    }
}
