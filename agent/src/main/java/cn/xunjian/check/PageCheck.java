package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.SitePage;
import java.util.List;

/**
 * A check of one crawled page's HTML, run on every page of the site. Implementations are stateless; the runner
 * turns an exception into an errored outcome for that page and goes on.
 */
public non-sealed interface PageCheck extends Check {
    @Override
    default Scope scope() {
        return Scope.EVERY_PAGE;
    }

    List<Finding> check(SitePage page, PageContext context) throws Exception;
}
