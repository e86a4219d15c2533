package cn.xunjian.scenario.interact;

import java.time.LocalDate;

/**
 * One message as a public 留言 list or detail page shows it.
 *
 * @param url its detail page, or empty
 * @param askedAt 留言时间, null when not shown
 * @param answeredAt 答复时间, null when not shown or not answered
 * @param status what the page says about it
 */
record PublicMessage(String title, String url, LocalDate askedAt, LocalDate answeredAt, Status status) {
    /** The status a page shows; {@code UNKNOWN} when it shows none. */
    public enum Status { ANSWERED, UNANSWERED, INVALID, UNKNOWN }

    public PublicMessage {
        title = title == null ? "" : title;
        url = url == null ? "" : url;
    }

    /** Whether it has been answered: a reply date, or an answered status. */
    public boolean answered() {
        return answeredAt != null || status == Status.ANSWERED;
    }

    /** This message with the dates a detail page filled in. */
    public PublicMessage merge(PublicMessage detail) {
        return new PublicMessage(title.isEmpty() ? detail.title() : title, url,
                askedAt != null ? askedAt : detail.askedAt(), answeredAt != null ? answeredAt : detail.answeredAt(),
                status != Status.UNKNOWN ? status : detail.status());
    }
}
