package cn.xunjian.console.account;

import java.time.Instant;

/** What a login attempt came to. */
public sealed interface LoginResult {
    record Accepted(User user) implements LoginResult {
    }

    /** Unknown name or wrong password: the page says the same for both. */
    record Refused() implements LoginResult {
    }

    /** Too many wrong passwords for this account (or from this address): no password is tried until {@code until}. */
    record Locked(Instant until) implements LoginResult {
    }
}
