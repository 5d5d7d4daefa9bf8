package io.loyaltyhub.hub.csv;

import java.nio.file.Path;

/**
 * Default endpoints of a file channel under the hub's data folder: ROOT/inbox/MERCHANT/ for drops,
 * ROOT/done/ and ROOT/error/ for processed files (same MERCHANT/ sub-folders, name stamped with the time),
 * ROOT/results/MERCHANT/ for result files. Production replaces them with SFTP URIs by configuration.
 */
public final class InboxUris {

    private InboxUris() {
    }

    public static String source(String configured, Path root, String fileExtension) {
        if (!configured.isBlank()) {
            return configured;
        }
        String stamped = "${file:name.noext}.${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}";
        return "file:" + root.resolve("inbox").toAbsolutePath()
                + "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*." + fileExtension
                + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=250&delay=500"
                + "&move=../${exchangeProperty." + MerchantInboxProcessor.INBOX_FOLDER + "}/" + stamped
                + "&moveFailed=../error/" + stamped;
    }

    public static String result(String configured, Path root) {
        if (!configured.isBlank()) {
            return configured;
        }
        return "file:" + root.resolve("results").toAbsolutePath() + "?tempPrefix=.writing-";
    }
}
