/** Test fixture: a package that forms a cycle with {@code cyclea}. */
package io.qbauth.emulator.internal.http.cycleb;
