package io.qbauth.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Matches when {@code qbauth.transport.type} (default {@code auto}) is one of {@link #value()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnTransportTypeCondition.class)
@interface ConditionalOnTransportType {

    /** The types that match. */
    QbAuthProperties.TransportType[] value();
}
