/**
 * End-to-end: expiry tracked from the emulator's QB-Token-ExpirationDate header.
 */
package io.qbauth.e2e.expiry;
