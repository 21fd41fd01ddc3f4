/**
 * Secret handling for the emulator: a masking wrapper for secret strings and the PBKDF2 password hash.
 * Nothing in this package logs or prints a secret.
 */
package io.qbauth.emulator.internal.security;
