package io.loyaltyhub.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Merkle tree over a period's entries: every leaf's proof leads to the root, and a changed leaf does not. */
class MerkleTreeTest {
    private static List<String> leaves(int n) {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(ChainHash.sha256Hex("entry " + i));
        }
        return leaves;
    }

    @Test
    void everyLeafsProofLeadsToTheRootForEveryTreeSize() {
        for (int n = 1; n <= 17; n++) {
            List<String> leaves = leaves(n);
            MerkleTree tree = new MerkleTree(leaves);
            for (int i = 0; i < n; i++) {
                assertThat(MerkleTree.rootFrom(leaves.get(i), tree.proof(i))).as("leaf %d of %d", i, n).isEqualTo(tree.root());
                assertThat(MerkleTree.rootFrom(ChainHash.sha256Hex("forged"), tree.proof(i))).isNotEqualTo(tree.root());
            }
        }
    }

    @Test
    void aParentIsTheHashOfItsChildrensHexWrittenTogether() {
        List<String> leaves = leaves(3);
        String left = ChainHash.sha256Hex(leaves.get(0) + leaves.get(1));
        assertThat(new MerkleTree(leaves).root()).isEqualTo(ChainHash.sha256Hex(left + leaves.get(2)));
        assertThat(new MerkleTree(List.of()).root()).isEqualTo(ChainHash.GENESIS);
    }
}
