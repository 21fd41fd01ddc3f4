/** Internal: the HMAC signature of session creation. Not exported. */
package io.qbauth.internal.signing;
