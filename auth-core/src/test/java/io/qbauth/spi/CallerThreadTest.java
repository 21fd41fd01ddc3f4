package io.qbauth.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CallerThreadTest {

    @Test
    void a_thread_not_lent_cannot_be_claimed() {
        assertThat(CallerThread.claim()).isFalse();
    }

    @Test
    void a_lent_thread_is_claimed_once_and_free_again_after_the_call() {
        List<Boolean> claims = CallerThread.lend(() -> List.of(CallerThread.claim(), CallerThread.claim()));

        assertThat(claims).containsExactly(true, false);
        assertThat(CallerThread.claim()).isFalse();
    }

    @Test
    void withheld_work_cannot_claim_the_thread_and_the_lending_resumes_after_it() {
        List<Boolean> claims = new ArrayList<>();
        CallerThread.lend(() -> {
            claims.add(CallerThread.withhold(CallerThread::claim));
            claims.add(CallerThread.claim());
            return null;
        });

        assertThat(claims).containsExactly(false, true);
    }

    @Test
    void the_lending_ends_even_when_the_call_throws() {
        assertThatThrownBy(() -> CallerThread.lend(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(CallerThread.claim()).isFalse();
    }

    @Test
    void another_thread_never_claims_a_lent_thread() throws Exception {
        AtomicBoolean claimedElsewhere = new AtomicBoolean(true);
        CallerThread.lend(() -> {
            Thread other = Thread.ofVirtual().start(() -> claimedElsewhere.set(CallerThread.claim()));
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });

        assertThat(claimedElsewhere).isFalse();
    }
}
