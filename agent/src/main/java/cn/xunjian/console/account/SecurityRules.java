package cn.xunjian.console.account;

import cn.xunjian.internal.RuleFiles;
import java.time.Duration;

/**
 * The console's security thresholds ({@code security.json}).
 *
 * @param sessionMinutes a session expires this long after login
 * @param accountFailures wrong passwords in a row after which an account is locked
 * @param lockMinutes how long a locked account stays locked
 * @param addressFailures failed logins from one address within {@code addressWindowMinutes} after which that address
 *                        is refused for the rest of the window, whatever account it tries
 * @param minPasswordLength the shortest password accepted
 * @param bcryptStrength BCrypt's cost (log2 of the rounds)
 */
public record SecurityRules(int sessionMinutes, int accountFailures, int lockMinutes, int addressFailures,
                            int addressWindowMinutes, int minPasswordLength, int bcryptStrength) {
    public static SecurityRules standard() {
        return RuleFiles.load(SecurityRules.class, "security.json", SecurityRules.class);
    }

    public Duration session() {
        return Duration.ofMinutes(sessionMinutes);
    }

    public Duration lock() {
        return Duration.ofMinutes(lockMinutes);
    }

    public Duration addressWindow() {
        return Duration.ofMinutes(addressWindowMinutes);
    }
}
