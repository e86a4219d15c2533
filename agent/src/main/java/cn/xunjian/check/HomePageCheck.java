package cn.xunjian.check;

import cn.xunjian.model.Finding;
import java.util.List;

/** A check of the rendered home page. */
public non-sealed interface HomePageCheck extends Check {
    @Override
    default Scope scope() {
        return Scope.HOME_PAGE;
    }

    /**
     * Runs the check. May throw: the runner turns an exception into an errored outcome and goes on with the next
     * check.
     */
    List<Finding> run(CheckContext context) throws Exception;
}
