package io.qbauth.loadtest.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleFlightVerdictTest {

    @Test
    void allowsOneCreationPerIdentityPerWindowPlusTheFirst() {
        SingleFlightVerdict verdict = new SingleFlightVerdict("sdk-jdk", 32, 8, 3);

        assertThat(verdict.bound()).isEqualTo(32);
        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.asStage().toCompletableFuture()).isCompleted();
    }

    @Test
    void aHerdFailsTheStageAndSaysSo() {
        SingleFlightVerdict verdict = new SingleFlightVerdict("raw", 33, 8, 3);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.asStage().toCompletableFuture()).isCompletedExceptionally();
        assertThat(verdict.describe()).contains("33 sessions created", "bound 32", "HERD");
    }
}
