package io.qbauth.e2e.faults;

import io.qbauth.domain.NewUser;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh sign-up data for fault tests: a login no other test (or run) uses. */
final class Users {

    private static final AtomicLong COUNTER = new AtomicLong();

    private Users() {
    }

    static NewUser fresh() {
        return NewUser.builder()
                .login("fault_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .password("Passw0rd-fault")
                .build();
    }
}
