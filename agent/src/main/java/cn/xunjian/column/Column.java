package cn.xunjian.column;

import java.util.Objects;

/**
 * A column (栏目) of a site: a list page of items under one name.
 *
 * @param name the column's name as the site shows it, e.g. {@code 工作动态}
 * @param url the absolute URL of its list page
 * @param parent the name of the top-level column it belongs to, or null for a top-level (一级) column
 * @param source where it was discovered
 */
record Column(String name, String url, String parent, Source source) {
    /** Where a column was discovered. */
    public enum Source { NAV, MORE_LINK, SITEMAP, CHANNEL_PAGE }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
    }

    public boolean topLevel() {
        return parent == null;
    }
}
