package cn.xunjian.scenario;

/**
 * The fixture site and scenario files the scenario tests share: {@code ScenarioIT} serves the pages to real Chromium,
 * {@code ScenarioRunnerTest} and {@code ScenarioCheckTest} show them on the fake browser, which stands in for the
 * login button's script. Tests assert line numbers of these scenarios, so edit them with care.
 */
final class ScenarioFixtures {
    /** The value of {@code PORTAL_PW}, the secret the scenarios fill in. */
    static final String SECRET = "S3cr3t-Pa55-7781";

    /** The county portal's home page: a link to the login page. */
    static final String HOME_PAGE = """
            <html><head><meta charset="utf-8"><title>临江县人民政府</title></head><body>
            <a href="/login.html">登录</a>
            </body></html>""";

    /** A login form whose button's script echoes what was typed, the password too, as careless pages do. */
    static final String LOGIN_PAGE = """
            <html><head><meta charset="utf-8"><title>登录</title></head><body>
            <label for="u">用户名</label><input id="u">
            <label for="p">口令</label><input id="p" type="text">
            <select id="dept"><option value="">请选择</option><option value="zf">县政府办</option></select>
            <label><input type="checkbox" id="agree">同意</label>
            <button id="go" onclick="document.getElementById('out').textContent =
              '欢迎 ' + document.getElementById('u').value + '，口令 ' + document.getElementById('p').value
              + '，编号 XJ-' + document.getElementById('dept').value + (document.getElementById('agree').checked ? '-ok' : '')">登录</button>
            <p id="out"></p>
            </body></html>""";

    /** Logs in as a citizen would, with every kind of step; all 12 pass on {@link #LOGIN_PAGE}. */
    static final String LOGIN_SCENARIO = """
            {
              "name": "登录",
              "indicator": "W-V5",
              "variables": { "user": "巡检员" },
              "steps": [
                { "action": "goto", "url": "${site.url}" },
                { "action": "click", "target": { "role": "link", "name": "登录" } },
                { "action": "expectUrl", "contains": "login" },
                { "action": "fill", "target": { "label": "用户名" }, "value": "${user}" },
                { "action": "fill", "target": { "css": "#p" }, "value": "${env:PORTAL_PW}" },
                { "action": "select", "target": { "css": "#dept" }, "option": "县政府办" },
                { "action": "check", "target": { "label": "同意" } },
                { "action": "click", "target": { "text": "登录" } },
                { "action": "expectText", "text": "欢迎 巡检员" },
                { "action": "extract", "target": { "css": "#out" }, "into": "code", "pattern": "编号 (XJ-[a-z-]+)" },
                { "action": "expectText", "target": { "css": "#out" }, "text": "${code}" },
                { "action": "screenshot", "name": "after-login" }
              ]
            }
            """;

    /** Clicks a button the home page does not have: step 2, on line 8, fails and step 3 is skipped. */
    static final String MISSING_BUTTON_SCENARIO = """
            {
              "name": "找不到按钮",
              "indicator": "W-V5",
              "onFailure": "deduct",
              "timeoutMs": 1500,
              "steps": [
                { "action": "goto", "url": "${site.url}" },
                { "action": "click", "target": { "role": "button", "name": "我要咨询" } },
                { "action": "screenshot", "name": "never" }
              ]
            }
            """;

    private ScenarioFixtures() {
    }

    /**
     * Fills the secret into the login page, which echoes it, then waits in vain for a text so that the run fails
     * with the page's DOM. {@code timeoutMs} is how long each step may take: the last one waits that long.
     */
    static String secretScenario(int timeoutMs) {
        return """
                {
                  "name": "口令打码",
                  "indicator": "W-V5",
                  "timeoutMs": %d,
                  "steps": [
                    { "action": "goto", "url": "${site.url}login.html" },
                    { "action": "fill", "target": { "css": "#u" }, "value": "巡检员" },
                    { "action": "fill", "target": { "css": "#p" }, "value": "${env:PORTAL_PW}" },
                    { "action": "click", "target": { "css": "#go" } },
                    { "action": "extract", "target": { "css": "#out" }, "into": "echo" },
                    { "action": "expectText", "text": "这句话不会出现" }
                  ]
                }
                """.formatted(timeoutMs);
    }
}
