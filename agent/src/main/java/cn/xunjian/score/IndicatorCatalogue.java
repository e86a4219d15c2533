package cn.xunjian.score;

import cn.xunjian.internal.RuleFiles;
import cn.xunjian.model.AvailabilityThresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The indicator catalogue and its thresholds, read from {@code indicators.json} (data, not code). */
public record IndicatorCatalogue(String source, double passScore, AvailabilityThresholds availability, List<Indicator> indicators) {

    public IndicatorCatalogue {
        indicators = List.copyOf(indicators);
    }

    public static IndicatorCatalogue standard() {
        return RuleFiles.load(IndicatorCatalogue.class, "indicators.json", IndicatorCatalogue.class);
    }

    public IndicatorCatalogue withAvailabilityTimeout(int seconds) {
        return new IndicatorCatalogue(source, passScore,
                new AvailabilityThresholds(seconds, availability.vetoFailureRatio(), availability.probesPerAudit()), indicators);
    }

    public Indicator indicator(String id) {
        return byId().computeIfAbsent(id, k -> {
            throw new NoSuchElementException("unknown indicator " + k);
        });
    }

    /** Whether findings of this indicator are about new-media accounts (judged one by one, not with the website). */
    public boolean aboutNewMedia(String id) {
        return knows(id) && indicator(id).newMedia();
    }

    public boolean knows(String id) {
        return byId().containsKey(id);
    }

    private Map<String, Indicator> byId() {
        Map<String, Indicator> map = new LinkedHashMap<>();
        indicators.forEach(i -> map.put(i.id(), i));
        return map;
    }
}
