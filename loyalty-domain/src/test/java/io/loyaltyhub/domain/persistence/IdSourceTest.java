package io.loyaltyhub.domain.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every source of ids on every hub node makes ids under a node number of its own, so a running hub and a command-line
 * tool of one node, or anything of two nodes, never make the same id in the same millisecond.
 */
class IdSourceTest {
    private static final int NODE_SHIFT = 12;
    private static final long NODE_MASK = IdGenerator.MAX_NODE;

    @Test
    void eachSourceOfEachHubNodeHasANodeNumberOfItsOwn() {
        Set<Long> nodes = new HashSet<>();
        for (int hubNode = 0; hubNode <= IdSource.MAX_HUB_NODE; hubNode++) {
            for (IdSource source : IdSource.values()) {
                long node = (source.generatorFor(hubNode).nextId() >> NODE_SHIFT) & NODE_MASK;
                assertThat(nodes.add(node)).as("%s of hub node %d", source, hubNode).isTrue();
            }
        }
        assertThat(nodes).hasSize(IdGenerator.MAX_NODE + 1);
    }

    @Test
    void aHubNodeNumberOutsideItsRangeIsRefusedNamingTheSetting() {
        assertThat(IdSource.MAX_HUB_NODE).isEqualTo(511);
        assertThatThrownBy(() -> IdSource.HUB.generatorFor(512))
                .hasMessageContaining("hub.node-id").hasMessageContaining("between 0 and 511").hasMessageContaining("512");
        assertThatThrownBy(() -> IdSource.COMMAND_LINE.generatorFor(-1)).hasMessageContaining("hub.node-id");
    }

    @Test
    void codeThatAsksForTheSameNodeTwiceInOneMillisecondNeverGetsTheSameId() {
        // Two generators of one node would both start at sequence 0 in the same millisecond (a test's second expiry
        // run made the same ledger entry id as its first); the node's generator is one per JVM.
        IdGenerator first = IdGenerator.forNode(77);
        IdGenerator second = IdGenerator.forNode(77);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(ids.add(first.nextId())).isTrue();
            assertThat(ids.add(second.nextId())).isTrue();
        }
        assertThat(second).isSameAs(first);
        assertThatThrownBy(() -> IdGenerator.forNode(IdGenerator.MAX_NODE + 1)).hasMessageContaining("between 0 and 1023");
    }
}
