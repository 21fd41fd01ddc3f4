package io.qbauth.internal.loader;

import io.qbauth.domain.ConfigurationException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.JsonCodecProvider;
import io.qbauth.config.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Finds the transport and the JSON codec with {@link ServiceLoader} (module path and class path alike). Selection:
 * the system property ({@value #TRANSPORT_PROPERTY} / {@value #CODEC_PROPERTY}) naming a provider by its name or
 * class name, else the only provider found. None, several, or a property matching none is a
 * {@link ConfigurationException} that says which module to add or which property to set.
 */
public final class ProviderLoader {

    /** Selects a transport provider by name or class name. */
    public static final String TRANSPORT_PROPERTY = "qbauth.transport";
    /** Selects a codec provider by name or class name. */
    public static final String CODEC_PROPERTY = "qbauth.codec";

    private final ClassLoader classLoader;
    private final UnaryOperator<String> properties;

    /** A loader over {@code classLoader}, reading selection properties from {@code properties}. */
    public ProviderLoader(ClassLoader classLoader, UnaryOperator<String> properties) {
        this.classLoader = classLoader;
        this.properties = properties;
    }

    /** A loader over the context class loader (else this module's), reading system properties. */
    public static ProviderLoader standard() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return new ProviderLoader(context != null ? context : ProviderLoader.class.getClassLoader(),
                System::getProperty);
    }

    /** Creates a transport from the selected provider; the caller owns it. */
    public AuthTransport transport(TransportConfig config) {
        AuthTransportProvider provider = select(AuthTransportProvider.class, AuthTransportProvider::name,
                TRANSPORT_PROPERTY, "transport",
                "io.qbauth:auth-transport-jdk (or io.qbauth:auth-transport-vertx)", "QbAuth.builder().transport(...)");
        return created(provider.create(config), provider.name());
    }

    /** Creates a codec from the selected provider. */
    public JsonCodec codec() {
        JsonCodecProvider provider = select(JsonCodecProvider.class, JsonCodecProvider::name, CODEC_PROPERTY, "codec",
                "io.qbauth:auth-codec-jackson", "QbAuth.builder().codec(...)");
        return created(provider.create(), provider.name());
    }

    private <P> P select(Class<P> type, Function<P, String> nameOf, String property, String what, String module,
                         String builderHint) {
        List<P> found = new ArrayList<>();
        try {
            ServiceLoader.load(type, classLoader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("a qbauth " + what + " provider could not be loaded: " + e.getMessage(), e);
        }
        String wanted = properties.apply(property);
        if (wanted != null && !wanted.isBlank()) {
            String name = wanted.trim();
            return found.stream()
                    .filter(p -> name.equals(nameOf.apply(p)) || name.equals(p.getClass().getName()))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("-D" + property + "=" + name + " names no qbauth "
                            + what + " on the class path or module path; found: " + names(found, nameOf)));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new ConfigurationException("no qbauth " + what + " found: add " + module
                    + " to the class path or module path, or pass one with " + builderHint);
        }
        throw new ConfigurationException("several qbauth " + what + "s found " + names(found, nameOf)
                + ": choose one with -D" + property + "=<name> or pass one with " + builderHint);
    }

    private static <P> List<String> names(List<P> providers, Function<P, String> nameOf) {
        return providers.stream().map(p -> nameOf.apply(p) + " (" + p.getClass().getName() + ")").toList();
    }

    private static <T> T created(T instance, String providerName) {
        if (instance == null) {
            throw new ConfigurationException("the qbauth provider " + providerName + " created nothing");
        }
        return instance;
    }
}
