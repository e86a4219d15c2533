package cn.xunjian.console.account;

import java.time.Instant;

/**
 * A logged-in browser.
 *
 * @param id the cookie's value (kept only hashed in the database)
 * @param csrf the token every state-changing form of this session must carry
 */
public record Session(String id, User user, String csrf, Instant expires) {
}
