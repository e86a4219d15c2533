package cn.xunjian.newmedia;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What reading an account's post list came to. */
sealed interface PostList {
    /** The list was read; {@code posts} are the dated posts found, newest first (never empty). */
    record Read(List<Post> posts) implements PostList {
        public Read {
            posts = posts.stream().sorted(Comparator.comparing(Post::date).reversed()).toList();
            if (posts.isEmpty()) {
                throw new IllegalArgumentException("a read list has at least one dated post");
            }
        }

        public Post newest() {
            return posts.get(0);
        }
    }

    /** The list could not be read or held no dated post; {@code reason} is a Chinese sentence. */
    record Unreadable(String reason) implements PostList {
    }

    static PostList of(List<Post> posts, String emptyReason) {
        return posts.isEmpty() ? new Unreadable(emptyReason) : new Read(posts);
    }

    default Optional<LocalDate> newestDate() {
        return this instanceof Read r ? Optional.of(r.newest().date()) : Optional.empty();
    }
}
