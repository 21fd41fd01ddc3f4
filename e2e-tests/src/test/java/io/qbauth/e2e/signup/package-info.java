/**
 * End-to-end: sign-up with a session token and with the API key, and its validation errors.
 */
package io.qbauth.e2e.signup;
