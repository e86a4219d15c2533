/** One audit put together: the check registry, each site audited in its own browser context, scoring, the outputs. */
package cn.xunjian.audit;
