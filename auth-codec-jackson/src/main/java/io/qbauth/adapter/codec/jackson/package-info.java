/**
 * The {@link io.qbauth.spi.JsonCodec} of qbauth on jackson-core's streaming parser.
 *
 * <p>{@link io.qbauth.adapter.codec.jackson.JacksonJsonCodec} reads a reply into a bounded tree of maps and lists
 * (depth, string, number, name, token and document limits are enforced while parsing) and then maps the QuickBlox
 * envelopes out of it: lenient about what QuickBlox varies (ids as numbers or numeric strings, both date forms,
 * unknown fields, both error shapes), strict about what the SDK depends on (a JSON object, the {@code session} and
 * its {@code token}, the {@code user} and its {@code id}). Everything else in the package is internal.
 */
package io.qbauth.adapter.codec.jackson;
