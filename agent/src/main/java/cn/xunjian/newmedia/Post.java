package cn.xunjian.newmedia;

import java.time.LocalDate;
import java.util.Objects;

/** One post of an account's public list: its title (may be empty), publication date and link (may be empty). */
record Post(String title, LocalDate date, String url) {
    public Post {
        Objects.requireNonNull(date, "date");
        title = title == null ? "" : title;
        url = url == null ? "" : url;
    }
}
