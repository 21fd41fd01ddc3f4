/**
 * Gatling load tests of the qbauth SDK's login and session-refresh path: the run's settings
 * ({@link io.qbauth.loadtest.LoadConfig}) and the rate limit that protects remote targets
 * ({@link io.qbauth.loadtest.RatePlan}).
 */
package io.qbauth.loadtest;
