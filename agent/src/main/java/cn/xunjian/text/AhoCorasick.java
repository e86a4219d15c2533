package cn.xunjian.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small Aho-Corasick automaton over {@code char}s: finds every occurrence of every pattern in one pass over
 * the text, overlapping ones included. Immutable once built; safe to share between threads.
 *
 * @param <V> the value attached to each pattern
 */
final class AhoCorasick<V> {
    /** One occurrence: {@code text.substring(start, end)} equals the pattern. */
    public record Hit<V>(int start, int end, String pattern, V value) {
        public int length() {
            return end - start;
        }

        /** Whether this hit lies within {@code other}'s span. */
        public boolean within(int otherStart, int otherEnd) {
            return start >= otherStart && end <= otherEnd;
        }
    }

    private static final class Node<V> {
        final Map<Character, Node<V>> next = new HashMap<>();
        Node<V> fail;
        /** Patterns ending here, own ones first, then those reached through the fail chain. */
        final List<Entry<V>> out = new ArrayList<>();
    }

    private record Entry<V>(String pattern, V value) {
    }

    private final Node<V> root;
    private final int size;

    private AhoCorasick(Node<V> root, int size) {
        this.root = root;
        this.size = size;
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** How many pattern entries the automaton holds. */
    public int size() {
        return size;
    }

    /** Every occurrence of every pattern, ordered by end offset, then longest first. */
    public List<Hit<V>> findAll(CharSequence text) {
        List<Hit<V>> hits = new ArrayList<>();
        Node<V> state = root;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (state != root && !state.next.containsKey(c)) {
                state = state.fail;
            }
            state = state.next.getOrDefault(c, root);
            for (Entry<V> e : state.out) {
                hits.add(new Hit<>(i + 1 - e.pattern().length(), i + 1, e.pattern(), e.value()));
            }
        }
        return hits;
    }

    /** Collects patterns, then builds the automaton. */
    public static final class Builder<V> {
        private final List<Entry<V>> entries = new ArrayList<>();

        /** Adds a pattern; the same pattern may be added more than once with different values. */
        public Builder<V> add(String pattern, V value) {
            Objects.requireNonNull(pattern, "pattern");
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("empty pattern");
            }
            entries.add(new Entry<>(pattern, value));
            return this;
        }

        public AhoCorasick<V> build() {
            Node<V> root = new Node<>();
            for (Entry<V> e : entries) {
                Node<V> n = root;
                for (int i = 0; i < e.pattern().length(); i++) {
                    n = n.next.computeIfAbsent(e.pattern().charAt(i), k -> new Node<>());
                }
                n.out.add(e);
            }
            ArrayDeque<Node<V>> queue = new ArrayDeque<>();
            for (Node<V> child : root.next.values()) {
                child.fail = root;
                queue.add(child);
            }
            root.fail = root;
            while (!queue.isEmpty()) {
                Node<V> n = queue.poll();
                for (Map.Entry<Character, Node<V>> t : n.next.entrySet()) {
                    Node<V> child = t.getValue();
                    Node<V> f = n.fail;
                    while (f != root && !f.next.containsKey(t.getKey())) {
                        f = f.fail;
                    }
                    Node<V> target = f.next.get(t.getKey());
                    child.fail = target == null || target == child ? root : target;
                    child.out.addAll(child.fail.out);
                    queue.add(child);
                }
            }
            return new AhoCorasick<>(root, entries.size());
        }
    }
}
