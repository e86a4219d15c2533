package cn.xunjian.console.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a console user may do; an operator sees only the sites assigned to them. */
public enum Role {
    ADMIN("admin", "管理员"),
    INSPECTOR("inspector", "检查员"),
    OPERATOR("operator", "网站主办单位");

    private final String json;
    private final String label;

    Role(String json, String label) {
        this.json = json;
        this.label = label;
    }

    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> of(String json) {
        String k = json == null ? "" : json.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.json.equals(k)).findFirst();
    }
}
