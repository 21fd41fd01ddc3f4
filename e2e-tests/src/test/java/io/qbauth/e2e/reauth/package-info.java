/**
 * End-to-end: transparent re-authentication after the server forgot the session, and what is never retried.
 */
package io.qbauth.e2e.reauth;
