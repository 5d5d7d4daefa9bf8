package io.loyaltyhub.hub.csv;

import java.nio.file.Path;

/**
 * Default endpoints of a file channel under the hub's data folder: ROOT/inbox/MERCHANT/ for drops,
 * ROOT/done/ and ROOT/error/ for processed files (same MERCHANT/ sub-folders, name stamped with the time),
 * ROOT/results/MERCHANT/ for result files. Production replaces them with SFTP URIs by configuration; their
 * move options should use the same exchange properties, so a card number in a file name is not kept there either.
 * ROOT is {@code hub.inbox.dir}/CHANNEL ({@link InboxSettings}); several nodes sharing it take each file once.
 */
public final class InboxUris {

    private InboxUris() {
    }

    /**
     * @param claimsBean the registry name of the channel's {@link InboxClaims}: the read lock that lets one node only
     *     take a file when several share the inbox
     */
    public static String source(String configured, Path root, String fileExtension, String claimsBean) {
        if (!configured.isBlank()) {
            return configured;
        }
        // The stored name (a card number in the name masked), not the name as dropped: see InboxFileName.
        String stamped = "${exchangeProperty." + MerchantInboxProcessor.STORED_STEM + "}.${date:now:yyyyMMdd-HHmmssSSS}"
                + ".${exchangeProperty." + MerchantInboxProcessor.STORED_EXTENSION + "}";
        // readLockMinLength=0: an empty file is processed (and refused with a result) instead of waiting forever.
        // idempotent-changed: the claim in the shared database first (InboxClaims, keyed by MERCHANT/FILE), then
        // the wait until the file stops changing; the claim is given up once the file has left the inbox.
        return "file:" + root.resolve("inbox").toAbsolutePath()
                + "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*." + fileExtension
                + "&readLock=idempotent-changed&idempotentRepository=#" + claimsBean + "&idempotentKey=${file:name}"
                + "&idempotent=false&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
                + "&readLockCheckInterval=250&readLockMinAge=250&readLockMinLength=0&delay=500"
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
