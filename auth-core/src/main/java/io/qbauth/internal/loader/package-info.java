/** Internal: discovery of the transport and JSON codec providers. Not exported. */
package io.qbauth.internal.loader;
