package cn.xunjian.newmedia;

import cn.xunjian.site.SiteFile.NewMediaAccount;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How one account stands on the check date.
 *
 * @param account the account as the site file names it
 * @param status what the post list showed
 * @param posts what reading the list came to
 */
record AccountAssessment(NewMediaAccount account, Status status, PostList posts) {
    /** The freshness classes; the first two are M-V2 vetoes, {@code SLOW} an M-D2 warning. */
    public enum Status {
        LONG_STALE("longStale"), STALE_2W("stale2w"), SLOW("slow"), FRESH("fresh"), UNREADABLE("unreadable");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        /** The key of this status's label in {@code newmedia.json} {@code categories}. */
        public String key() {
            return key;
        }
    }

    public Optional<LocalDate> lastPost() {
        return posts.newestDate();
    }
}
