package cn.xunjian.check;

import cn.xunjian.model.Finding;
import java.util.List;

/**
 * A check of the whole site, run after the crawl and only when the home page opened; it may drive the browser
 * itself (scenarios, forms, web views, search). An exception becomes an errored outcome; the audit goes on.
 */
public non-sealed interface SiteCheck extends Check {
    @Override
    default Scope scope() {
        return Scope.WHOLE_SITE;
    }

    List<Finding> run(SiteContext context) throws Exception;
}
