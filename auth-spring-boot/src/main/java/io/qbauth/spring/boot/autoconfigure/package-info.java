/**
 * Spring Boot auto-configuration of qbauth: {@link io.qbauth.spring.boot.autoconfigure.QbAuthAutoConfiguration}
 * builds a {@code QbAuthClient}, its blocking facade and a {@code UserPool} from the {@code qbauth.*} properties
 * ({@link io.qbauth.spring.boot.autoconfigure.QbAuthProperties}), on the JDK transport or the application's Vert.x,
 * with Micrometer metrics, an Actuator health indicator that reads cached state only, masked secrets and a failure
 * analysis that names the property at fault. Every bean backs off when the application defines its own.
 */
package io.qbauth.spring.boot.autoconfigure;
