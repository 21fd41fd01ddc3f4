/** Application code inside the SDK (supplier, listeners, store, clock, codec, transport) that throws anything. */
package io.qbauth.e2e.hooks;
