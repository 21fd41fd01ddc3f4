/**
 * How the emulator's replies look on the wire: the {@link io.qbauth.emulator.internal.http.rendering.ReplyWriter}
 * every reply goes through (uniform headers, status counts, the request's journal entry, reply faults through a
 * {@link io.qbauth.emulator.internal.http.rendering.ReplyDamage}), QuickBlox's error envelope
 * ({@link io.qbauth.emulator.internal.http.rendering.ErrorReply}), the JSON writer and the wire's date formats.
 * Knows no endpoint, fault mode or connection: those sit above it.
 */
package io.qbauth.emulator.internal.http.rendering;
