/**
 * ArchUnit rules over every qbauth module: onion layering, third-party confinement, coding rules.
 */
package io.qbauth.architecture;
