package cn.xunjian.check;

import cn.xunjian.model.Finding;

import java.util.List;

/** One check of a rendered page. Implementations are small, stateless and report against one indicator. */
public interface Check {
    /** Stable name, used as the {@code kind} prefix of its findings. */
    String name();

    /** The indicator an error of this check is reported against. */
    String indicator();

    /**
     * Runs the check. May throw: the runner turns an exception into an {@link CheckOutcome.Errored} outcome and
     * goes on with the next check.
     */
    List<Finding> run(CheckContext context) throws Exception;
}
