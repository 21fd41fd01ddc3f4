/**
 * The HTTP surface on Vert.x Web: routes, endpoint handlers, authentication of callers, and every reply the
 * emulator writes (all of them through {@link io.qbauth.emulator.internal.http.ReplyWriter}).
 */
package io.qbauth.emulator.internal.http;
