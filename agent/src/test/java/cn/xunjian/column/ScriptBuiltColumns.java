package cn.xunjian.column;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Column pages whose list a script builds, shared by {@code ColumnFreshnessCheckTest} (fetched and rendered HTML
 * side by side) and {@code ColumnFreshnessIT} (served to real Chromium).
 *
 * <p>The markup is Hanweb's (大汉) column page as many provincial and county portals serve it: the first page's
 * records ship inside {@code <script type="text/xml"><datastore>…<record><![CDATA[<li>…</li>]]></record>} in the
 * list's {@code div}, and the vendor's {@code jpage.js} writes them into the page; further pages come by XHR from
 * {@code /module/web/jpage/dataproxy.jsp} in the same XML. Sources: the list of 陇县 col4227
 * ({@code http://longxian.gov.cn/col/col4227/index.html}, read as {@code .xx_list li a} once the record and CDATA
 * wrappers are stripped) in yanxiao333/t2023_new_one, {@code my_spider_3_9.py}; the {@code nextgroup} and
 * {@code dataproxy.jsp} parameters of www.jiangsu.gov.cn col33718 as quoted in a scraper's test of that page; the
 * dataproxy paging of jsgzw.jiangsu.gov.cn col61490 and yz.cau.edu.cn col41740 in the scrapers that read them.
 * {@code jpage.js} itself is not public: {@link #JPAGE_STANDIN} does what it visibly does.
 */
final class ScriptBuiltColumns {
    /** Renders each datastore of the page into its list, as {@code jpage.js} does once the document has loaded. */
    static final String JPAGE_STANDIN = """
            document.addEventListener('DOMContentLoaded', function () {
              document.querySelectorAll('script[type="text/xml"]').forEach(function (xml) {
                var doc = new DOMParser().parseFromString(xml.textContent, 'text/xml');
                var records = Array.prototype.map.call(doc.querySelectorAll('recordset > record'),
                    function (r) { return r.textContent; });
                var ul = document.createElement('ul');
                ul.innerHTML = records.length ? records.join('') : '<li class="nodata">暂无信息</li>';
                xml.parentNode.appendChild(ul);
              });
            });""";

    /** Fetches page 1 from {@code dataproxy.jsp} after load and writes its records into {@code #list}. */
    static final String DATAPROXY_LOADER = """
            window.addEventListener('load', function () {
              fetch('/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=15&perpage=15', {method: 'POST',
                  headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                  body: 'col=1&appid=1&webid=1&path=%2F&columnid=4228&sourceContentType=1&unitid=16382&permissiontype=0'})
                .then(function (r) { return r.text(); })
                .then(function (text) {
                  var doc = new DOMParser().parseFromString(text, 'text/xml');
                  document.getElementById('list').innerHTML = Array.prototype.map.call(
                      doc.querySelectorAll('recordset > record'), function (r) { return r.textContent; }).join('');
                  document.getElementById('loading').style.display = 'none';
                });
            });""";

    private ScriptBuiltColumns() {
    }

    /** One record of a datastore: a list entry with its link, title and date. */
    static String record(String href, String title, String date) {
        return "<record><![CDATA[<li><a href='" + href + "' title='" + title + "' target='_blank'>" + title
                + "</a><span class='bt-data-time'>" + date + "</span></li>]]></record>";
    }

    /** A column page of {@code name} whose list is the datastore of {@code records}, rendered by jpage. */
    static String jpageColumn(String name, String... records) {
        return """
                <html><head><meta charset="utf-8"><title>%1$s</title>
                <script src="/module/jslib/jpage/jpage.js"></script></head><body>
                <div class="header"><a href="/">首页</a></div>
                <div class="main"><div class="bt-position">当前位置：首页 &gt; %1$s</div><h2>%1$s</h2>
                <div class="xx_list" id="16381"><script type="text/xml"><datastore>
                <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=4227&unitid=16381&webname=%%E9%%99%%87%%E5%%8E%%BF&permissiontype=0"></a>]]></nextgroup>
                <recordset>%2$s</recordset></datastore></script></div>
                <script>var param_16381 = {col: 1, webid: '1', path: '/', columnid: '4227', unitid: '16381'};</script>
                </div><div class="footer">主办：陇县人民政府办公室</div></body></html>""".formatted(name, String.join("\n", records));
    }

    /** What Chromium shows of {@link #jpageColumn} once the stand-in has run: the records as a list. */
    static String jpageRendered(String name, String... records) {
        String items = Arrays.stream(records).map(r -> r.replace("<record><![CDATA[", "").replace("]]></record>", ""))
                .collect(Collectors.joining());
        return jpageColumn(name, records).replace("</recordset></datastore></script></div>",
                "</recordset></datastore></script><ul>" + (items.isEmpty() ? "<li class=\"nodata\">暂无信息</li>" : items)
                        + "</ul></div>");
    }

    /** A column page whose list {@code #list} is filled by XHR from {@code dataproxy.jsp} after load. */
    static String xhrColumn(String name) {
        return """
                <html><head><meta charset="utf-8"><title>%1$s</title></head><body>
                <div class="header"><a href="/">首页</a></div>
                <div class="main"><h2>%1$s</h2><ul class="xx_list" id="list"></ul>
                <p id="loading">正在加载……</p></div>
                <div class="footer">主办：陇县人民政府办公室</div>
                <script src="/module/jslib/dataproxy-loader.js"></script></body></html>""".formatted(name);
    }

    /** The answer of {@code dataproxy.jsp}: the datastore of {@code records}. */
    static String dataproxy(String... records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore><totalrecord>" + records.length
                + "</totalrecord><recordset>" + String.join("", records) + "</recordset></datastore>";
    }
}
