/**
 * What an application hears of a client: the {@link io.qbauth.event.AuthEvent}s of its session lifecycle, delivered
 * to the {@link io.qbauth.event.AuthEventListener}s given to {@link io.qbauth.QbAuth#builder()}. Events carry bounded
 * values only (never a token, a login or a user id), so they map onto metric tags as they are.
 */
package io.qbauth.event;
