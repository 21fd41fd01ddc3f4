/**
 * End-to-end: every error row the emulator produces arrives as its typed exception.
 */
package io.qbauth.e2e.errors;
