package vn.citygov.platform.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose X-Forwarded-* headers are believed, as address ranges ({@code 10.0.0.0/8}, {@code ::1},
 * {@code 192.0.2.7}). A request from anywhere else keeps its own address, so a client cannot pick the address
 * rate limits and the audit trail see by sending the header itself.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int bits) {

        boolean holds(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Comma-separated addresses or CIDR ranges; empty trusts nobody. A malformed entry fails at start-up. */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(",")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int slash = e.indexOf('/');
                byte[] network = literal(slash < 0 ? e : e.substring(0, slash));
                if (network == null) {
                    throw new IllegalArgumentException("not an IP address or range: " + e);
                }
                int bits = network.length * 8;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(e.substring(slash + 1));
                    } catch (NumberFormatException ex) {
                        bits = -1;
                    }
                    if (bits < 0 || bits > network.length * 8) {
                        throw new IllegalArgumentException("bad prefix length: " + e);
                    }
                }
                ranges.add(new Range(network, bits));
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** The bytes of an IP literal, never a DNS lookup; null for anything else. */
    private static byte[] literal(String s) {
        String v = s.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        // Only digits, hex digits, dots and colons: InetAddress.ofLiteral never resolves names, but a name is no address.
        if (v.isEmpty() || !v.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(v).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the address (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.holds(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address for a request from {@code remoteAddress} carrying {@code forwardedFor} (the
     * X-Forwarded-For header, or null): from a trusted proxy, the right-most address in the header that is not
     * itself a trusted proxy (each proxy appends the address it saw, so entries left of it are the client's own
     * claims); otherwise, or when the header holds nothing usable, the remote address.
     */
    public String clientAddress(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !trusts(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        String leftmost = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                // Garbage in the chain: nothing left of it can be believed either.
                break;
            }
            leftmost = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return leftmost != null ? leftmost : remoteAddress;
    }
}
