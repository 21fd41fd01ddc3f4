/**
 * The standalone launcher: {@code java -jar auth-emulator.jar --help}. The only place in the module that prints to
 * the console.
 */
package io.qbauth.emulator.cli;
