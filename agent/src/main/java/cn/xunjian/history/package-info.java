/** A site across runs: the week of stored probes for W-V2, new / still open / fixed findings, availability charts. */
package cn.xunjian.history;
