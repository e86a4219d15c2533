package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCheckTest {
    /** Synthetic numbers: checksum-valid, belonging to no one. */
    private static final String ID = "330106199003071236";
    private static final String ID_X = "44030419781231567X";
    private static final String MOBILE = "13812345678";
    private static final String CARD = "6222021001123456789";

    @TempDir
    Path dir;

    private final PrivacyCheck check = new PrivacyCheck();
    private final PersonalDataScanner scanner = new PersonalDataScanner(PrivacyRules.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private List<Finding> run(String body) {
        return check.check(new SitePage("http://127.0.0.1/gs.html", TextFixtures.article(body), 2),
                TextFixtures.context(dir, TextFixtures.none()));
    }

    private List<PersonalData.Type> types(String text) {
        return scanner.scan(PageText.normalise(text), TODAY).stream().map(PersonalData::type).toList();
    }

    @Test
    void anIdNumberAMobileAndABankCardAreEachAFindingWithTheMaskedNumberOnly() throws Exception {
        List<Finding> f = run("<p>申请人张某，身份证号：" + ID + "，联系电话：" + MOBILE + "，收款账户：" + CARD + "。</p>");
        assertThat(f).extracting(Finding::kind)
                .containsExactly("privacy.id-number", "privacy.mobile", "privacy.bank-card");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.indicator()).isEqualTo("W-D6");
            assertThat(x.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(x.message()).doesNotContain(ID).doesNotContain(MOBILE).doesNotContain(CARD)
                    .doesNotContain("1990030712").doesNotContain("12345678");
            assertThat(x.evidence()).singleElement().satisfies(e -> {
                String saved = Files.readString(dir.resolve(e.path()), StandardCharsets.UTF_8);
                assertThat(saved).doesNotContain(ID).doesNotContain(MOBILE).doesNotContain(CARD)
                        .contains("3301**********1236");
            });
        });
        assertThat(f.get(0).message()).startsWith("页面公开了未脱敏的居民身份证号码：3301**********1236。原句：");
        assertThat(f.get(1).message()).contains("138****5678");
        assertThat(f.get(2).message()).contains("6222***********6789");
    }

    @Test
    void anIdNumberEndingInXIsRecognised() {
        assertThat(types("身份证 " + ID_X)).containsExactly(PersonalData.Type.ID_NUMBER);
        assertThat(types("身份证 " + ID_X.toLowerCase(java.util.Locale.ROOT))).containsExactly(PersonalData.Type.ID_NUMBER);
    }

    @Test
    void anEighteenDigitNumberWithABadChecksumOrBirthDateIsNoIdNumber() {
        assertThat(types("编号 330106199003071235")).isEmpty();
        // valid checksum, but born on 2099-01-01: after today
        assertThat(scanner.validId("330106209901011234", TODAY)).isFalse();
        assertThat(types("编号 990106199003071236")).isEmpty();
    }

    @Test
    void mobileNumbersAreFoundWrittenWithSpacesDashesOrCountryCode() {
        assertThat(types("电话 138 1234 5678")).containsExactly(PersonalData.Type.MOBILE);
        assertThat(types("电话 138-1234-5678")).containsExactly(PersonalData.Type.MOBILE);
        assertThat(types("电话 +86 13812345678")).containsExactly(PersonalData.Type.MOBILE);
    }

    @Test
    void landlinesLongerDigitRunsAndMaskedNumbersAreNotMobiles() {
        assertThat(types("办公电话：0571-87654321，传真 0571-88888888")).isEmpty();
        assertThat(types("订单号 138123456781234")).isEmpty();
        assertThat(types("联系电话：138****5678")).isEmpty();
        assertThat(types("身份证号：3301**********1236")).isEmpty();
        assertThat(types("公告编号 12345678901")).isEmpty();
    }

    /**
     * A 公示 table pasted from a WPS spreadsheet, as county sites publish relief payments: cells with {@code x:str},
     * the required-field star before labels, every number masked the way the CMS or the clerk did it. The cell
     * markup follows the WPS Office ET HTML export in shwenguang/weboa
     * ({@code wenguang/src/main/webapp/WEB-INF/pages/addNewApplyTable.jsp}); the masked pair 189****9580
     * 186****5418 is the one issue 10 saw reported as a leak.
     */
    private static final String MASKED_NOTICE = """
            <p class="MsoNormal" align="center"><b>2026年10月城乡居民临时救助资金发放公示</b></p>
            <table border="0" cellpadding="0" cellspacing="0" style='border-collapse:collapse;table-layout:fixed;'>
             <tr height="28" style='height:17.10pt;'>
              <td class="xl65" x:str>序号</td><td class="xl65" x:str>*<font class="font1">姓名</font></td>
              <td class="xl65" x:str>*<font class="font1">身份证号码</font></td>
              <td class="xl65" x:str>*<font class="font1">联系电话</font></td>
              <td class="xl65" x:str>银行卡号</td><td class="xl65" x:str>金额（元）</td>
             </tr>
             <tr height="28" style='height:17.10pt;'>
              <td class="xl68" x:num>1</td><td class="xl68" x:str>王*明</td>
              <td class="xl68" x:str>330106********1236</td><td class="xl68" x:str>189****9580 186****5418</td>
              <td class="xl68" x:str>6217 0000 1234 5670 ***</td><td class="xl68" x:num>1500</td>
             </tr>
             <tr height="28" style='height:17.10pt;'>
              <td class="xl68" x:num>2</td><td class="xl68" x:str>李*芳</td>
              <td class="xl68" x:str>4403××××××××××567X</td><td class="xl68" x:str>１３６＊＊＊＊２２１５</td>
              <td class="xl68" x:str>6228●●●●●●●●●●●4899</td><td class="xl68" x:num>800</td>
             </tr>
             <tr height="28" style='height:17.10pt;'>
              <td class="xl68" x:num>3</td><td class="xl68" x:str>赵*</td>
              <td class="xl68" x:str>33010619900307****</td><td class="xl68" x:str>13812345678****</td>
              <td class="xl68" x:str>卡号：6228480402564899***</td><td class="xl68" x:num>600</td>
             </tr>
            </table>
            <p class="MsoNormal">公示期间如有异议，请与民政办联系。经办人：张某，联系电话：13912345678。</p>
            """;

    @Test
    void aNoticeOfMaskedNumbersReportsOnlyTheOneNumberLeftUnmasked() {
        List<Finding> f = run(MASKED_NOTICE);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("privacy.mobile");
            assertThat(x.message()).contains("139****5678");
        });
    }

    @Test
    void digitsTouchingAMaskCharacterOrOneSeparatorFromItAreAMaskedNumber() {
        assertThat(types("189****9580 186****5418")).isEmpty();
        assertThat(types("卡号 6217 0000 1234 5670 ***")).isEmpty();
        assertThat(types("卡号 6217000012345670×××")).isEmpty();
        assertThat(types("手机 13812345678●")).isEmpty();
        assertThat(types("手机 *13812345678")).isEmpty();
        assertThat(types("手机 189****9580 13812345678")).containsExactly(PersonalData.Type.MOBILE);
        assertThat(types("卡号 6217 0000 1234 5670")).containsExactly(PersonalData.Type.BANK_CARD);
    }

    @Test
    void footerRegistrationNumbersDoNotFire() {
        List<Finding> f = run("<div class=\"footer\"><p>网站标识码：3301850031</p><p>浙ICP备13812345678号-1</p>"
                + "<p>浙公网安备 33010602011236号</p><p>浙公网安备 " + ID + "号</p>"
                + "<p>统一社会信用代码：" + ID + "</p><p>联系电话：0571-87654321</p></div>");
        assertThat(f).isEmpty();
    }

    @Test
    void aBankCardNeedsALuhnChecksumAndAnIssuerPrefixOrAKeyword() {
        assertThat(types("卡号 6222021001123456788")).isEmpty();
        assertThat(types("流水号 9876543210123452")).isEmpty();
        assertThat(types("银行卡号 9876543210123452")).containsExactly(PersonalData.Type.BANK_CARD);
        assertThat(types("转账至 4111 1111 1111 1111")).containsExactly(PersonalData.Type.BANK_CARD);
        assertThat(PersonalDataScanner.luhn("4111111111111111")).isTrue();
        assertThat(PersonalDataScanner.luhn("4111111111111112")).isFalse();
    }

    @Test
    void numbersInScriptsAttributesAndHiddenInputsAreNotVisibleText() {
        List<Finding> f = run("<script>var id='" + ID + "';</script><input type=\"hidden\" value=\"" + MOBILE + "\">"
                + "<a href=\"/u?m=" + MOBILE + "\" title=\"" + ID + "\">详情</a>");
        assertThat(f).isEmpty();
    }

    @Test
    void theSameNumberTwiceOnAPageIsOneFinding() {
        assertThat(run("<p>电话" + MOBILE + "</p><p>再次：" + MOBILE + "</p>")).hasSize(1);
        assertThat(check.name()).isEqualTo("privacy");
        assertThat(check.indicator()).isEqualTo("W-D6");
    }
}
