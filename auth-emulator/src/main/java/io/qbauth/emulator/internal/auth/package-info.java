/**
 * Authentication rules: the create-session signature, credentials of every login flavour, and the default test
 * verifier of provider tokens.
 */
package io.qbauth.emulator.internal.auth;
