package cn.xunjian.console;

import cn.xunjian.console.account.User;
import cn.xunjian.console.review.FindingRef;
import cn.xunjian.console.review.Review;
import cn.xunjian.console.review.ReviewStatus;
import cn.xunjian.store.jdbc.StoredFinding;

/** One review as pages and the API record it: the status change, then its line in the audit log. */
final class Reviewing {
    private Reviewing() {
    }

    static Review apply(ConsoleServices s, User u, String address, StoredFinding sf, ReviewStatus status,
                        String reason) {
        var f = sf.finding();
        Review r = s.reviews().set(new FindingRef(f.id(), sf.run().siteUrl(), sf.run().siteCode(), f.kind(), f.url()),
                status, u.name(), reason);
        s.log().append(u.name(), address, "review." + status.json(), f.id() + " " + sf.run().siteUrl()
                + (r.reason().isEmpty() ? "" : "：" + r.reason()));
        return r;
    }
}
