/** The check contract (scopes, contexts, runners, outcomes) and the checks of the rendered home page: availability, footer marks, home-page links. */
package cn.xunjian.check;
