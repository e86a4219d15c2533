package cn.xunjian.darklink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Differences between a variant visit (spider, search referer) and two ordinary visits of the same URL that go
 * beyond what differs between the two ordinary visits themselves (Wu &amp; Davison's noise baseline).
 */
final class FeatureDiff {
    private final double similarity;

    FeatureDiff(double similarity) {
        this.similarity = similarity;
    }

    /** Chinese phrases naming each difference; empty when the variant saw the same page. */
    List<String> compare(PageFeatures b1, PageFeatures b2, PageFeatures v) {
        List<String> out = new ArrayList<>();
        if (b1.status() == b2.status() && v.status() != b1.status()) {
            out.add("HTTP 状态由 " + b1.status() + " 变为 " + v.status());
        }
        boolean sameHost = Objects.equals(b1.finalHost(), b2.finalHost());
        if (sameHost && !v.finalHost().isEmpty()
                && !Hosts.registrable(v.finalHost()).equals(Hosts.registrable(b1.finalHost()))) {
            out.add("被跳转到其他网站 " + v.finalUrl());
        }
        text(out, "标题", b1.title(), b2.title(), v.title());
        text(out, "关键词（keywords）", b1.keywords(), b2.keywords(), v.keywords());
        text(out, "描述（description）", b1.description(), b2.description(), v.description());
        Set<String> spam = new TreeSet<>(v.spamTerms());
        spam.removeAll(b1.spamTerms());
        spam.removeAll(b2.spamTerms());
        if (!spam.isEmpty()) {
            out.add("出现违规词“" + String.join("”“", spam) + "”");
        }
        if (b1.externalHosts().equals(b2.externalHosts())) {
            Set<String> hosts = new TreeSet<>(v.externalHosts());
            hosts.removeAll(b1.externalHosts());
            if (!hosts.isEmpty()) {
                out.add("出现新的外部链接 " + String.join("、", hosts));
            }
        }
        return out;
    }

    private void text(List<String> out, String what, String b1, String b2, String v) {
        if (!b1.equals(b2) || v.equals(b1) || similar(b1, v)) {
            return;
        }
        out.add(what + "由“" + b1 + "”变为“" + v + "”");
    }

    /** Dice coefficient of character bigrams at least the configured similarity. */
    boolean similar(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size()) >= similarity;
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        if (s.length() == 1) {
            out.add(s);
        }
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
