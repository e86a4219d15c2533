package cn.xunjian.realpages;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code realpages/expectations.json}: what each real page truly shows, written from reading it. {@code marks} maps
 * each footer mark the page shows (sitecode, icp, gongan, conac, jiucuo) to the form it takes; {@code unloaded}
 * lists the marks the page shows only through a script, frame or image that a closed network cannot load;
 * {@code spam} is {@code clean} or {@code injected}, with the injected links' targets in {@code spamLinks};
 * {@code personalData} the unmasked personal numbers it shows.
 */
final class Expectations {
    record Page(String name, String site, String cms, String kind, Map<String, String> marks, List<String> unloaded,
                String spam, List<String> spamLinks, List<String> personalData, String notes) {
        Page {
            marks = marks == null ? Map.of() : Map.copyOf(marks);
            unloaded = unloaded == null ? List.of() : List.copyOf(unloaded);
            spamLinks = spamLinks == null ? List.of() : List.copyOf(spamLinks);
            personalData = personalData == null ? List.of() : List.copyOf(personalData);
        }

        boolean clean() {
            return "clean".equals(spam);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unused")
    private record File(@JsonProperty("_comment") String comment, List<Page> pages) {
    }

    private Expectations() {
    }

    static List<Page> load() {
        try (InputStream in = Expectations.class.getResourceAsStream("/realpages/expectations.json")) {
            return Json.mapper().readValue(in, new TypeReference<File>() { }).pages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
