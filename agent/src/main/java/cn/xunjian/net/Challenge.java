package cn.xunjian.net;

/**
 * An anti-bot challenge answered instead of a page: a script that a browser runs to earn a cookie.
 *
 * @param vendor the shield it looks like (瑞数, 加速乐, Cloudflare), or {@code 脚本验证} when only its shape says so
 * @param status the status it came with
 */
public record Challenge(String vendor, int status) {
    /** The vendor name of a challenge recognised by its shape alone (a small page that sets a cookie and reloads). */
    public static final String GENERIC = "脚本验证";
}
