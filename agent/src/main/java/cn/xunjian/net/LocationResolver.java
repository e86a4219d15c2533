package cn.xunjian.net;

import java.net.URI;
import java.util.Optional;

/**
 * Turns a redirect's {@code Location} into the next URL to request. The crawl passes one that also normalizes
 * the URL as it normalizes links, so that a loop through spellings of one URL is seen as a loop.
 */
@FunctionalInterface
public interface LocationResolver {
    /** {@code Location} resolved against the URL that answered with it, as a browser does. */
    LocationResolver STANDARD = (base, location) -> {
        try {
            return Optional.of(base.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    };

    /** The next URL, or empty when {@code location} is not a usable URL. */
    Optional<String> resolve(URI base, String location);
}
