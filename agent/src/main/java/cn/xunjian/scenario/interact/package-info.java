/** Interaction checks: the consultation form end to end, message lists and reply times, follow-up of submitted messages. */
package cn.xunjian.scenario.interact;
