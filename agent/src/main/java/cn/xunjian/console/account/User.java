package cn.xunjian.console.account;

import java.util.Set;
import java.util.TreeSet;

/**
 * A console user.
 *
 * @param sites the site codes (网站标识码) an operator answers for; ignored for the other roles, who see every site
 */
public record User(String name, Role role, Set<String> sites) {
    public User {
        sites = Set.copyOf(new TreeSet<>(sites));
    }

    /** Whether this user may see the site with this code (null: a site without a code, which only staff see). */
    public boolean maySee(String siteCode) {
        return role != Role.OPERATOR || (siteCode != null && sites.contains(siteCode));
    }

    /** Administrators and inspectors work on every site; operators only answer for theirs. */
    public boolean isStaff() {
        return role != Role.OPERATOR;
    }
}
