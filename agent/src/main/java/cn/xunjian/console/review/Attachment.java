package cn.xunjian.console.review;

import java.time.Instant;

/** A file an operator uploaded with a finding's 已整改 or 申辩, stored outside the web root. */
public record Attachment(long id, String findingId, String userName, String fileName, String storedPath, String sha256,
                         long size, String contentType, Instant at) {
}
