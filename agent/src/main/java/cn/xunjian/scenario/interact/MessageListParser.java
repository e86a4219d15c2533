package cn.xunjian.scenario.interact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads messages out of a public 留言 list or detail page. Two layouts: a table whose header names the columns
 * (留言时间, 答复时间, 状态…), and a list whose items carry labelled dates ("留言时间：2026-03-02"). An item is the
 * largest element holding exactly one 留言时间 label; a page with a single one is read as a detail page.
 */
final class MessageListParser {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");

    private final MessageRules rules;

    public MessageListParser(MessageRules rules) {
        this.rules = rules;
    }

    public List<PublicMessage> parse(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl);
        List<PublicMessage> out = new ArrayList<>();
        Set<Element> tables = new HashSet<>();
        for (Element table : doc.select("table")) {
            List<PublicMessage> rows = table(table);
            if (!rows.isEmpty()) {
                out.addAll(rows);
                tables.add(table);
            }
        }
        tables.forEach(Element::remove);
        out.addAll(list(doc));
        return out;
    }

    private List<PublicMessage> table(Element table) {
        Elements rows = table.select("tr");
        if (rows.size() < 2) {
            return List.of();
        }
        Element header = rows.get(0);
        List<String> heads = header.select("th, td").eachText();
        int asked = column(heads, rules.askedLabels());
        int answered = column(heads, rules.answeredLabels());
        int status = column(heads, rules.statusLabels());
        int title = column(heads, rules.titleLabels());
        if (asked < 0 && answered < 0) {
            return List.of();
        }
        List<PublicMessage> out = new ArrayList<>();
        for (Element row : rows.subList(1, rows.size())) {
            Elements cells = row.select("td, th");
            if (cells.size() < heads.size() - 1 || cells.isEmpty()) {
                continue;
            }
            Element link = row.selectFirst("a[href]");
            String titleText = title >= 0 && title < cells.size() ? cells.get(title).text()
                    : link != null ? link.text() : cells.get(0).text();
            out.add(new PublicMessage(titleText, link == null ? "" : link.absUrl("href"),
                    cell(cells, asked), cell(cells, answered),
                    status(status >= 0 && status < cells.size() ? cells.get(status).text() : row.text())));
        }
        return out;
    }

    private List<PublicMessage> list(Document doc) {
        Element body = doc.body();
        if (body == null || count(body.text()) == 0) {
            return List.of();
        }
        if (count(body.text()) == 1) {
            return List.of(item(detailRoot(doc)));
        }
        List<PublicMessage> out = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            Element parent = el.parent();
            if (el == body || parent == null) {
                continue;
            }
            if (count(el.text()) == 1 && count(parent.text()) >= 2) {
                out.add(item(el));
            }
        }
        return out;
    }

    private Element detailRoot(Document doc) {
        Element main = doc.selectFirst("main, article, .content, .detail, #content");
        return main != null && count(main.text()) == 1 ? main : doc.body();
    }

    private PublicMessage item(Element el) {
        String text = el.text();
        Element link = el.selectFirst("a[href]");
        String title = link != null ? link.text() : headline(el);
        return new PublicMessage(title, link == null ? "" : link.absUrl("href"), labelled(text, rules.askedLabels()),
                labelled(text, rules.answeredLabels()), status(text));
    }

    private static String headline(Element el) {
        Element h = el.selectFirst("h1, h2, h3, .title");
        return h == null ? "" : h.text();
    }

    private PublicMessage.Status status(String text) {
        if (rules.invalidStatus().stream().anyMatch(text::contains)) {
            return PublicMessage.Status.INVALID;
        }
        if (rules.unansweredStatus().stream().anyMatch(text::contains)) {
            return PublicMessage.Status.UNANSWERED;
        }
        if (rules.answeredStatus().stream().anyMatch(text::contains)) {
            return PublicMessage.Status.ANSWERED;
        }
        return PublicMessage.Status.UNKNOWN;
    }

    private int count(String text) {
        int n = 0;
        for (String label : rules.askedLabels()) {
            int from = 0;
            while ((from = text.indexOf(label, from)) >= 0) {
                n++;
                from += label.length();
            }
        }
        return n;
    }

    private static int column(List<String> heads, List<String> labels) {
        for (int i = 0; i < heads.size(); i++) {
            String h = heads.get(i);
            if (labels.stream().anyMatch(h::contains)) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate cell(Elements cells, int index) {
        return index >= 0 && index < cells.size() ? date(cells.get(index).text()) : null;
    }

    /** The first date written after one of {@code labels} (within a short distance), or null. */
    static LocalDate labelled(String text, List<String> labels) {
        for (String label : labels) {
            int at = text.indexOf(label);
            while (at >= 0) {
                String tail = text.substring(at + label.length(), Math.min(text.length(), at + label.length() + 24));
                Matcher m = DATE.matcher(tail);
                if (m.find() && tail.substring(0, m.start()).matches("[\\s:：为是]*")) {
                    LocalDate d = toDate(m);
                    if (d != null) {
                        return d;
                    }
                }
                at = text.indexOf(label, at + label.length());
            }
        }
        return null;
    }

    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        return m.find() ? toDate(m) : null;
    }

    private static LocalDate toDate(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
