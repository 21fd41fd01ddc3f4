package io.qbauth.spring.boot.autoconfigure;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnTransportType}. */
final class OnTransportTypeCondition extends SpringBootCondition {

    static final String PROPERTY = "qbauth.transport.type";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnTransportType.class.getName());
        QbAuthProperties.TransportType[] wanted = (QbAuthProperties.TransportType[]) attributes.get("value");
        QbAuthProperties.TransportType type = Binder.get(context.getEnvironment())
                .bind(PROPERTY, QbAuthProperties.TransportType.class).orElse(QbAuthProperties.TransportType.AUTO);
        return Arrays.asList(wanted).contains(type)
                ? ConditionOutcome.match(PROPERTY + " is " + type)
                : ConditionOutcome.noMatch(PROPERTY + " is " + type + ", not one of " + Arrays.toString(wanted));
    }
}
