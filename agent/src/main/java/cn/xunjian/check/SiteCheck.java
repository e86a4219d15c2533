package cn.xunjian.check;

import cn.xunjian.model.Finding;

import java.util.List;

/**
 * A check of the whole site that drives the browser itself (scenarios, forms, web views, search). Runs after the
 * home-page checks, only when the home page opened. An exception becomes an errored finding; the audit goes on.
 */
public interface SiteCheck {
    String name();

    String indicator();

    List<Finding> run(SiteContext context) throws Exception;
}
