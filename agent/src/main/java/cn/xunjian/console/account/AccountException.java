package cn.xunjian.console.account;

/** A request about accounts that cannot be done; the message is Chinese and names what is wrong. */
public final class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }
}
