package io.qbauth.loadtest.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A server this JVM did not start ({@code -DbaseUrl}): one application for every client and workload, and the users
 * of a CSV file ({@code login,email,password} per line; {@code #} starts a comment). It has no counters and takes no
 * sign-ups.
 */
public final class RemoteTarget implements LoadTarget {

    private final URI baseUrl;
    private final AppCredentials app;
    private final List<UserAccount> users;

    /**
     * @param baseUrl   the API base URL
     * @param appId     the application every client uses
     * @param authKey   its auth key
     * @param authSecret its auth secret
     * @param usersFile the CSV file of existing users
     */
    public RemoteTarget(URI baseUrl, long appId, String authKey, String authSecret, Path usersFile) {
        this.baseUrl = baseUrl;
        this.app = new AppCredentials(baseUrl, appId, authKey, authSecret);
        this.users = readUsers(usersFile);
    }

    /** Whether {@code host} names only loopback addresses (a name that does not resolve counts as remote). */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean allowsSignUp() {
        return false;
    }

    @Override
    public AppCredentials app(String client, Workload workload) {
        return app;
    }

    @Override
    public List<UserAccount> users(String client, Workload workload) {
        return users;
    }

    @Override
    public OptionalLong sessionsCreated(String client, Workload workload) {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        // nothing was started
    }

    @Override
    public String toString() {
        return "RemoteTarget[" + baseUrl + ", " + app + ", " + users.size() + " users]";
    }

    private static List<UserAccount> readUsers(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
        List<UserAccount> users = lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(RemoteTarget::parse)
                .toList();
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the users file " + file + " holds no user");
        }
        return users;
    }

    private static UserAccount parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("a users file line must be login,email,password");
        }
        return new UserAccount(fields[0].strip(), fields[1].strip(), fields[2]);
    }
}
