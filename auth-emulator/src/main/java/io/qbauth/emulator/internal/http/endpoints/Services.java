package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.auth.UserAuthenticator;
import io.qbauth.emulator.internal.faults.AdjustableClock;
import io.qbauth.emulator.internal.faults.FaultPlan;
import io.qbauth.emulator.internal.limits.PlanLimiter;
import io.qbauth.emulator.internal.security.PasswordHasher;
import io.qbauth.emulator.internal.state.AppRegistry;
import io.qbauth.emulator.internal.state.SessionStore;

/**
 * The state and services the HTTP layer works with; shared by every event loop.
 *
 * @param apps configured applications and their users
 * @param sessions live sessions
 * @param clock the emulator's clock: every time decision reads it; tests jump it
 * @param authenticator credential checks (blocking)
 * @param hasher password hashing for sign-ups and password changes (blocking)
 * @param faults the fault rules switched on
 * @param limits the plan limits, checked once a request is attributed to its application
 */
public record Services(
        AppRegistry apps, SessionStore sessions, AdjustableClock clock, UserAuthenticator authenticator,
        PasswordHasher hasher, FaultPlan faults, PlanLimiter limits) {
}
