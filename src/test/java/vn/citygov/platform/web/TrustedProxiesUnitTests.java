package vn.citygov.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which X-Forwarded-For hop is the client, depending on who sent the request. */
class TrustedProxiesUnitTests {

    final TrustedProxies proxies = TrustedProxies.parse("127.0.0.0/8, ::1, 10.0.0.0/8, 192.0.2.7");

    @Test
    void rangesAndSingleAddressesAreTrusted() {
        assertThat(proxies.trusts("127.0.0.1")).isTrue();
        assertThat(proxies.trusts("127.200.3.4")).isTrue();
        assertThat(proxies.trusts("10.255.0.1")).isTrue();
        assertThat(proxies.trusts("192.0.2.7")).isTrue();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("192.0.2.8")).isFalse();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("2001:db8::1")).isFalse();
        assertThat(proxies.trusts("localhost")).as("names are never looked up").isFalse();
        assertThat(proxies.trusts(null)).isFalse();
        assertThat(TrustedProxies.parse("172.16.0.0/12").trusts("172.31.255.255")).isTrue();
        assertThat(TrustedProxies.parse("172.16.0.0/12").trusts("172.32.0.1")).isFalse();
    }

    @Test
    void aClientsOwnHeaderIsIgnored() {
        assertThat(proxies.clientAddress("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.parse("").clientAddress("127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(proxies.clientAddress("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        // The client claimed 1.2.3.4 itself; the proxy appended the address it really saw.
        assertThat(proxies.clientAddress("127.0.0.1", "1.2.3.4, 198.51.100.1")).isEqualTo("198.51.100.1");
        // Two proxies of ours in a row.
        assertThat(proxies.clientAddress("127.0.0.1", "198.51.100.1, 10.1.1.1")).isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("127.0.0.1", "2001:db8::5")).isEqualTo("2001:db8::5");
        // Only our own proxies: the left-most of them.
        assertThat(proxies.clientAddress("127.0.0.1", "10.0.0.5, 10.0.0.6")).isEqualTo("10.0.0.5");
        // Garbage stops the walk; what is right of it still counts.
        assertThat(proxies.clientAddress("127.0.0.1", "198.51.100.1, <script>")).isEqualTo("127.0.0.1");
        assertThat(proxies.clientAddress("127.0.0.1", "evil, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void aMistypedSettingFailsAtStartUp() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.vn")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    }
}
