package io.qbauth.internal.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A class loader that declares exactly the given service providers ({@code META-INF/services}) and hides any other
 * declaration of those services, so provider discovery can be tested with 0, 1 or 2 providers.
 */
final class ServiceClassLoader extends ClassLoader {

    private final Map<String, List<Class<?>>> providers;

    ServiceClassLoader(Map<Class<?>, List<Class<?>>> providers) {
        super(ServiceClassLoader.class.getClassLoader());
        this.providers = providers.entrySet().stream()
                .collect(Collectors.toMap(e -> "META-INF/services/" + e.getKey().getName(), Map.Entry::getValue));
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith("META-INF/services/")) {
            return super.getResources(name);
        }
        List<Class<?>> declared = providers.getOrDefault(name, List.of());
        if (declared.isEmpty()) {
            return Collections.emptyEnumeration();
        }
        return Collections.enumeration(List.of(servicesFile(declared)));
    }

    private static URL servicesFile(List<Class<?>> declared) {
        try {
            Path file = Files.createTempFile("qbauth-services", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, declared.stream().map(Class::getName).collect(Collectors.joining("\n")));
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
