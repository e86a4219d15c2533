package cn.xunjian.column;

import java.time.LocalDate;

/**
 * One entry of a column's list.
 *
 * @param title the link text
 * @param url the absolute URL of the item
 * @param listDate the date shown next to it in the list, or null
 * @param urlDate the date written in its URL, or null
 */
record ListItem(String title, String url, LocalDate listDate, LocalDate urlDate) {
    /** The date a reader sees; the URL's date only when the list shows none. */
    public LocalDate date() {
        return listDate != null ? listDate : urlDate;
    }
}
