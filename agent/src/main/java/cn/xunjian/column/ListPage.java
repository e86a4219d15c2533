package cn.xunjian.column;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a column's list page shows.
 *
 * @param url the page's URL
 * @param items the entries of its main list (the largest group of links, preferring dated ones)
 * @param blankPhrase a phrase such as 暂无信息 found in its content, or null
 * @param contentChars characters of content outside links, header, navigation and footer
 * @param nextPage the URL of its next page, or null
 */
record ListPage(String url, List<ListItem> items, String blankPhrase, int contentChars, String nextPage) {
    public ListPage {
        items = List.copyOf(items);
    }

    /** The newest date of the list (list date, else URL date). */
    public Optional<LocalDate> newest() {
        return items.stream().map(ListItem::date).filter(Objects::nonNull).max(Comparator.naturalOrder());
    }
}
