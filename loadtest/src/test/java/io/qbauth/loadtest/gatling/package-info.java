/**
 * Gatling glue written in Java: a custom action that times an asynchronous SDK call and reports it to Gatling's
 * stats engine, so Gatling's reports and assertions cover SDK method calls rather than raw HTTP alone.
 */
package io.qbauth.loadtest.gatling;
