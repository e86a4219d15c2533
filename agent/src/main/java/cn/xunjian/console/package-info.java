/**
 * The web console and the API, served by {@code serve} from the same process (Javalin on Jetty, pages rendered
 * with JTE, htmx served from its WebJar): sessions, CSRF tokens, security headers and role checks on every route.
 */
package cn.xunjian.console;
