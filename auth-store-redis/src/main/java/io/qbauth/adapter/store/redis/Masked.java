package io.qbauth.adapter.store.redis;

import io.lettuce.core.RedisURI;
import io.qbauth.domain.ConfigurationException;

/** Parses Redis URIs and prints them without credentials. */
final class Masked {

    private Masked() {
    }

    /**
     * The parsed {@code uri}: {@code redis://} or {@code rediss://} with a host.
     *
     * @throws ConfigurationException if it is missing or malformed; the message never quotes the URI (it may hold a
     *                                password)
     */
    static RedisURI parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new ConfigurationException("uri is required (redis://host:port or rediss://host:port)");
        }
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            throw new ConfigurationException("uri must start with redis:// or rediss://");
        }
        java.net.URI checked;
        try {
            checked = new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException("uri is not a valid URI");
        }
        if (checked.getHost() == null || checked.getPort() > 65535) {
            throw new ConfigurationException("uri must name a host and, optionally, a port (1-65535)");
        }
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (RuntimeException e) { // Lettuce's own parser on a string, no application code: an Error is not bad input
            throw new ConfigurationException("uri is not a valid Redis URI (" + e.getClass().getSimpleName() + ")");
        }
        if (parsed.getHost() == null || parsed.getHost().isBlank()) {
            throw new ConfigurationException("uri must name a host");
        }
        return parsed;
    }

    /** {@code uri} (parsed from {@code text}) as {@code redis[s]://[***@]host:port/db}. */
    static String uri(RedisURI uri, String text) {
        String rest = text.substring(text.indexOf("://") + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        boolean credentials = rest.substring(0, end).contains("@");
        return (uri.isSsl() ? "rediss://" : "redis://") + (credentials ? "***@" : "") + uri.getHost() + ":"
                + uri.getPort() + "/" + uri.getDatabase();
    }
}
