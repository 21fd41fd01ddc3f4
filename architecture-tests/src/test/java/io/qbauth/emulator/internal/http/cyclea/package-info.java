/** Test fixture: a package that forms a cycle with {@code cycleb}. */
package io.qbauth.emulator.internal.http.cyclea;
