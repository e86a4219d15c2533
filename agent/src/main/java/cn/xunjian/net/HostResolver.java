package cn.xunjian.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * The stack's name lookup, a hook as OkHttp's {@code Dns} is. The system's is used unless the stack is built with
 * another; tests give one that answers from a table, so that a name "that does not resolve" never reaches a real
 * DNS server. With {@link NetworkScope#LOOPBACK_ONLY}, a name this hook maps to loopback addresses only is in
 * scope, and a name it cannot resolve fails as DNS does, with nothing sent anywhere.
 */
@FunctionalInterface
public interface HostResolver {
    /** The system's lookup ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /** The addresses of {@code host}, best first. */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /**
     * Answers from {@code table} only: a name mapped to an address literal resolves to it, {@code localhost} not in
     * the table to the loopback address, any other name (and an empty value) does not resolve. Never asks a DNS
     * server.
     */
    static HostResolver table(Map<String, String> table) {
        Map<String, String> copy = Map.copyOf(table);
        return host -> {
            String name = host.toLowerCase(java.util.Locale.ROOT);
            String address = copy.containsKey(name) ? copy.get(name) : name.equals("localhost") ? "127.0.0.1" : null;
            if (address == null || address.isEmpty()) {
                throw new UnknownHostException(host + ": Name or service not known");
            }
            // a literal, so no lookup happens here
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }

    /** A table in which no name resolves: a machine without DNS. */
    static HostResolver nothingResolves() {
        return table(Map.of());
    }

    /** Whether {@code host} is an IP literal, which is never looked up. */
    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.startsWith("[") || host.matches("[0-9.]+");
    }

    /** All loopback, e.g. for a scope that allows only this machine. */
    static boolean allLoopback(List<InetAddress> addresses) {
        return !addresses.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
    }
}
