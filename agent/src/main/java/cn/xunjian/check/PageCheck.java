package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.SitePage;

import java.util.List;

/**
 * A check of one crawled page's HTML, run on every page of the site. Implementations are stateless; the runner
 * turns an exception into an errored finding and goes on.
 */
public interface PageCheck {
    /** Stable name, the prefix of its findings' kinds. */
    String name();

    /** The indicator an error of this check is reported against. */
    String indicator();

    List<Finding> check(SitePage page, PageContext context) throws Exception;
}
