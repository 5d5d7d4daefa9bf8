package io.loyaltyhub.hub.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The suite's servers are started again on the ports they had, so those ports are taken below the kernel's ephemeral
 * range: no outgoing connection can hold one while its server is down.
 */
class FreePortsTest {

    @Test
    void theKernelsEphemeralRangeIsReadWhereThereIsOne() {
        int low = FreePorts.ephemeralLow();
        if (Files.isReadable(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            assertThat(low).as("read whole, not cut short").isGreaterThan(1024);
        } else {
            assertThat(low).isEqualTo(32768);
        }
    }

    @Test
    void portsAreBelowTheEphemeralRangeDistinctAndFree() throws Exception {
        int ephemeralLow = FreePorts.ephemeralLow();
        FreePorts ports = new FreePorts(ephemeralLow);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = ports.next();
            assertThat(port).isLessThan(ephemeralLow).isGreaterThanOrEqualTo(10000);
            assertThat(seen.add(port)).as("port %d handed out once", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            }
        }
    }

    @Test
    void aRangeWithNoRoomBelowItIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new FreePorts(9000)).hasMessageContaining("ephemeral port range starts at 9000");
    }
}
