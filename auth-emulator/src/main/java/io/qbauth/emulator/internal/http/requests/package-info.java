/**
 * Reading requests: bodies up to the limit ({@link io.qbauth.emulator.internal.http.requests.BodyReader}), their
 * parameters (query merged with a form or JSON body), the request-smuggling checks on {@code Transfer-Encoding}, and
 * numeric ids in paths and headers. Refuses what it cannot read with a QuickBlox-shaped error.
 */
package io.qbauth.emulator.internal.http.requests;
