package cn.xunjian.console.review;

/**
 * Runs one check on one page again (the re-check engine implements it). It may throw: the worker records that as an
 * undetermined outcome and the finding stays 已整改待复验.
 */
@FunctionalInterface
public interface RecheckRunner {
    RecheckResult recheck(RecheckRequest request) throws Exception;
}
