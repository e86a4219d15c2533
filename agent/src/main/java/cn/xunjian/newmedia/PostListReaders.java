package cn.xunjian.newmedia;

import java.util.Locale;

/**
 * Chooses the reader for an account: by its platform ({@code readers} in {@code newmedia.json}), and a body that
 * turns out to be a feed is read as one whatever the platform says.
 */
final class PostListReaders {
    private final NewMediaRules rules;
    private final DatedListReader datedList;
    private final FeedReader feed;

    public PostListReaders(NewMediaRules rules) {
        this.rules = rules;
        this.datedList = new DatedListReader(rules);
        this.feed = new FeedReader(rules);
    }

    /** The reader for {@code platform} and {@code body}. */
    public PostListReader forAccount(String platform, String body) {
        if (FeedReader.looksLikeFeed(body)) {
            return feed;
        }
        String key = platform == null ? rules.defaultReader()
                : rules.readers().getOrDefault(platform.toLowerCase(Locale.ROOT), rules.defaultReader());
        return switch (key) {
            case FeedReader.KEY -> feed;
            case DatedListReader.KEY -> datedList;
            default -> throw new IllegalArgumentException("newmedia.json: unknown reader " + key);
        };
    }
}
