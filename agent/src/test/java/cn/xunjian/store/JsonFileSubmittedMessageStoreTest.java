package cn.xunjian.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileSubmittedMessageStoreTest {
    @TempDir
    Path dir;

    @Test
    void keepsMessagesAcrossInstancesAndMarksOneAnswered() {
        Path file = dir.resolve("data/messages.json");
        JsonFileSubmittedMessageStore store = new JsonFileSubmittedMessageStore(file);
        assertThat(store.unanswered()).isEmpty();
        store.save(new SubmittedMessage("http://a/", "http://a/ask", "Q2", "【测试】", "2026-11-22T02:00:00+08:00", null));
        store.save(new SubmittedMessage("http://a/", "http://a/ask", "Q1", "【测试】", "2026-11-21T02:00:00+08:00", null));
        JsonFileSubmittedMessageStore again = new JsonFileSubmittedMessageStore(file);
        assertThat(again.unanswered()).extracting(SubmittedMessage::queryCode).containsExactly("Q1", "Q2");
        again.markAnswered("http://a/", "Q1", "2026-11-25T00:00:00+08:00");
        assertThat(store.unanswered()).extracting(SubmittedMessage::queryCode).containsExactly("Q2");
        assertThat(store.all()).filteredOn(m -> m.queryCode().equals("Q1")).singleElement()
                .extracting(SubmittedMessage::answeredAt).isEqualTo("2026-11-25T00:00:00+08:00");
    }

    @Test
    void concurrentSavesAreAllKept() throws InterruptedException {
        JsonFileSubmittedMessageStore store = new JsonFileSubmittedMessageStore(dir.resolve("m.json"));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String code = "C" + i;
            Thread t = new Thread(() -> store.save(new SubmittedMessage("http://a/", "http://a/ask",
                    code, "【测试】", "2026-11-22T02:00:0" + code.charAt(1) + "+08:00", null)));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(store.unanswered()).hasSize(8);
    }
}
