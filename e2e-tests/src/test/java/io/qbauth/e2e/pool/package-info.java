/**
 * End-to-end: the user pool — one session creation per user however many callers, each caller served with its own
 * user's session, one user's failures never touching another, bounds held under load, tokens minted for front ends.
 */
package io.qbauth.e2e.pool;
