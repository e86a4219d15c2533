package cn.xunjian.newmedia;

import java.time.LocalDate;

/**
 * Reads the posts out of the body of an account's public list. Which reader a platform uses is data
 * ({@code readers} in {@code newmedia.json}); see {@link PostListReaders}.
 */
sealed interface PostListReader permits DatedListReader, FeedReader {
    /** The registry key of this reader, e.g. {@code dated-list}. */
    String key();

    /**
     * Reads the posts.
     *
     * @param body the decoded body (HTML page or RSS/Atom XML)
     * @param baseUrl the URL the body came from, for resolving post links
     * @param today the check date in Asia/Shanghai
     */
    PostList read(String body, String baseUrl, LocalDate today);
}
