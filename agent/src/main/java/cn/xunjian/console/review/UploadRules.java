package cn.xunjian.console.review;

import cn.xunjian.internal.RuleFiles;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which attachments an operator may upload with 已整改 or 申辩 ({@code uploads.json}): at most {@code maxBytes}, one of
 * the listed types, whose first bytes must be that type's signature (a renamed or broken file is refused).
 */
public record UploadRules(long maxBytes, int maxPerFinding, List<Type> types) {
    public record Type(String extension, String contentType, List<String> magic) {
        boolean starts(byte[] content) {
            for (String hex : magic) {
                byte[] sig = HexFormat.of().parseHex(hex);
                if (content.length >= sig.length && java.util.Arrays.equals(content, 0, sig.length, sig, 0, sig.length)) {
                    return true;
                }
            }
            return false;
        }
    }

    public static UploadRules standard() {
        return RuleFiles.load(UploadRules.class, "uploads.json", UploadRules.class);
    }

    public Optional<Type> byName(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return types.stream().filter(t -> t.extension().equals(ext)).findFirst();
    }

    /** The accepted extensions, for messages. */
    public String extensions() {
        return String.join("、", types.stream().map(Type::extension).distinct().toList());
    }
}
