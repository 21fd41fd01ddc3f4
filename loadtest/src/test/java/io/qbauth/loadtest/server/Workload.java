package io.qbauth.loadtest.server;

/**
 * The workloads; each client (an SDK transport or the raw baseline) gets its own application per workload on
 * the emulator, so the session counters of one never mix with another's.
 */
public enum Workload {
    /** Sign-ins by many short-lived virtual users (open model). */
    LOGIN_STORM,
    /** Calls on a few long-lived shared identities whose sessions expire mid-run (closed model). */
    SESSION_REFRESH,
    /**
     * Calls for thousands of users, each with its own session in one user pool per client, expiring mid-run
     * (closed model); in-process emulator only.
     */
    MANY_USERS
}
