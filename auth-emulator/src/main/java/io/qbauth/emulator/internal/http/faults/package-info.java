/**
 * How fault modes act on HTTP requests: the {@link io.qbauth.emulator.internal.http.faults.FaultInjector} decides per
 * request whether a rule of the fault plan strikes, answers refusals (429, 503, an nginx 502 page, a custom reply) and
 * attaches reply faults (latency, a cut connection, truncated or invalid JSON, a reply that never ends) to the
 * request for the reply writer. Depends on the rendering layer only.
 */
package io.qbauth.emulator.internal.http.faults;
