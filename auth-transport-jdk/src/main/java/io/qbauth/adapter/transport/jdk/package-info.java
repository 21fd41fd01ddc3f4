/**
 * The {@link io.qbauth.spi.AuthTransport} of qbauth on {@code java.net.http.HttpClient}: the transport a plain JDK
 * application uses. {@link io.qbauth.adapter.transport.jdk.JdkAuthTransport} is the public type;
 * {@link io.qbauth.adapter.transport.jdk.JdkAuthTransportProvider} is its {@link java.util.ServiceLoader} entry.
 * The other classes are internal: the size-limited body subscriber, the request mapping and the failure mapping.
 */
package io.qbauth.adapter.transport.jdk;
