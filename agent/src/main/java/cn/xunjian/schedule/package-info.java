/** The serve daemon: Quartz jobs for probes, nightly audits, circulars, follow-ups and retention. */
package cn.xunjian.schedule;
