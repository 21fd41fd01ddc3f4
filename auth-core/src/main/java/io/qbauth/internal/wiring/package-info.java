/**
 * Internal: the wiring every session of one configured application shares — transport, codec, signer, HTTP, error
 * classification, session creation and the listeners — used alike by the client and the user pool. Not exported.
 */
package io.qbauth.internal.wiring;
