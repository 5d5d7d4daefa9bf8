package io.loyaltyhub.domain.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree over a period's ledger entries (docs/settlement.md). The leaves are the entries' chain hashes in chain
 * order; a parent is the SHA-256 of its children's hex hashes written one after the other
 * ({@code printf '%s%s' LEFT RIGHT | sha256sum}); a node left without a sibling at the end of a level moves up as it
 * is. The root of no entries is 64 zeros.
 */
public final class MerkleTree {
    private final List<List<String>> levels = new ArrayList<>();

    public MerkleTree(List<String> leaves) {
        levels.add(List.copyOf(leaves));
        List<String> level = leaves;
        while (level.size() > 1) {
            List<String> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size() ? parent(level.get(i), level.get(i + 1)) : level.get(i));
            }
            levels.add(up);
            level = up;
        }
    }

    public static String parent(String left, String right) {
        return ChainHash.sha256Hex(left + right);
    }

    public String root() {
        List<String> top = levels.get(levels.size() - 1);
        return top.isEmpty() ? ChainHash.GENESIS : top.get(0);
    }

    /** One step of an inclusion proof: the sibling's hash and on which side it stands. */
    public record Step(Side side, String sibling) {
    }

    public enum Side { LEFT, RIGHT }

    /** The siblings from leaf {@code index} up to the root, bottom first. */
    public List<Step> proof(int index) {
        if (index < 0 || index >= levels.get(0).size()) {
            throw new IndexOutOfBoundsException("no leaf " + index);
        }
        List<Step> steps = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            List<String> level = levels.get(l);
            if (i % 2 == 1) {
                steps.add(new Step(Side.LEFT, level.get(i - 1)));
            } else if (i + 1 < level.size()) {
                steps.add(new Step(Side.RIGHT, level.get(i + 1)));
            }
            i /= 2;
        }
        return steps;
    }

    /** The root a leaf and its proof lead to. */
    public static String rootFrom(String leaf, List<Step> proof) {
        String h = leaf;
        for (Step s : proof) {
            h = s.side() == Side.LEFT ? parent(s.sibling(), h) : parent(h, s.sibling());
        }
        return h;
    }
}
