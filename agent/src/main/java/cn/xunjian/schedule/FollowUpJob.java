package cn.xunjian.schedule;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.scenario.BrowserPages;
import cn.xunjian.scenario.interact.ConsultationRules;
import cn.xunjian.scenario.interact.FollowUp;
import cn.xunjian.scenario.interact.MessageRules;
import cn.xunjian.store.jdbc.JdbcSubmittedMessageStore;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks up the replies to submitted consultation messages (the existing {@link FollowUp}) over the database store. */
@DisallowConcurrentExecution
final class FollowUpJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpJob.class);

    private final JdbcSubmittedMessageStore messages;
    private final NetworkScope scope;
    private final ProxySettings proxies;
    private final Clock clock;

    FollowUpJob(JdbcSubmittedMessageStore messages, NetworkScope scope, ProxySettings proxies, Clock clock) {
        this.messages = messages;
        this.scope = scope;
        this.proxies = proxies;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        int waiting = messages.unanswered().size();
        if (waiting == 0) {
            LOG.info("follow-up: no unanswered test messages");
            return;
        }
        LOG.info("follow-up of {} unanswered test messages", waiting);
        try (BrowserRuntime browser = BrowserRuntime.start(scope, proxies); BrowserPages pages = new BrowserPages(browser)) {
            var outcomes = new FollowUp(pages, messages, ConsultationRules.standard(), MessageRules.standard(),
                    clock).run();
            LOG.info("follow-up done: {} of {} answered", outcomes.stream().filter(FollowUp.Outcome::answered).count(),
                    outcomes.size());
        } catch (RuntimeException e) {
            throw new JobExecutionException("follow-up failed: " + e, e);
        }
    }
}
