/**
 * Request parameters as QuickBlox understands them: form or JSON bodies and query strings, decoded into one flat
 * map of {@code name} / {@code outer[inner]} keys to string values.
 */
package io.qbauth.emulator.internal.params;
