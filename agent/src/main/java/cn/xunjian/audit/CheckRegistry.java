package cn.xunjian.audit;

import cn.xunjian.check.Check;
import cn.xunjian.check.FooterMarkRules;
import cn.xunjian.check.FooterMarksCheck;
import cn.xunjian.check.HomeLinksCheck;
import cn.xunjian.column.ColumnFreshnessCheck;
import cn.xunjian.darklink.HiddenLinkCheck;
import cn.xunjian.darklink.HijackCheck;
import cn.xunjian.darklink.SourceTailCheck;
import cn.xunjian.mobile.WebViewCheck;
import cn.xunjian.newmedia.NewMediaCheck;
import cn.xunjian.scenario.ScenarioCheck;
import cn.xunjian.scenario.interact.ConsultationCheck;
import cn.xunjian.scenario.interact.ConsultationRules;
import cn.xunjian.scenario.interact.MessageListCheck;
import cn.xunjian.scenario.interact.MessageRules;
import cn.xunjian.scenario.interact.WorkingDayCalendar;
import cn.xunjian.search.SiteSearchCheck;
import cn.xunjian.text.AttachmentCheck;
import cn.xunjian.text.PrivacyCheck;
import cn.xunjian.text.WordingCheck;
import java.util.List;

/**
 * Every check of an audit, one line each, in the order they run within their scope (home page, every crawled
 * page, whole site). Adding a check is one class and one line here.
 */
final class CheckRegistry {
    private CheckRegistry() {
    }

    static List<Check> standard(AuditServices services) {
        ConsultationRules consultation = ConsultationRules.standard();
        return List.of(
                new FooterMarksCheck(FooterMarkRules.standard()),
                new HomeLinksCheck(),
                new HiddenLinkCheck(),
                new SourceTailCheck(),
                new WordingCheck(),
                new PrivacyCheck(),
                new ColumnFreshnessCheck(),
                new HijackCheck(),
                new ConsultationCheck(consultation, services.messages()),
                new MessageListCheck(consultation, MessageRules.standard(), WorkingDayCalendar.standard()),
                new SiteSearchCheck(),
                new AttachmentCheck(),
                new WebViewCheck(),
                new NewMediaCheck(),
                new ScenarioCheck());
    }
}
