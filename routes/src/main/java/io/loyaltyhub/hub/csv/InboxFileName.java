package io.loyaltyhub.hub.csv;

import io.loyaltyhub.hub.logging.CardNumberMasking;

/**
 * The name of a dropped file as the hub keeps it. A till may name a file after a card number
 * ({@code 6280000000001238.csv}); such a name is never stored, logged or reused for the result and done
 * files: whatever the log masker would mask (12 to 25 digits, optionally grouped) becomes {@code ****1238}.
 *
 * @param folder      the merchant folder (the merchant's code)
 * @param fileName    the name as dropped: used only to read the file, never kept
 * @param storedName  the name kept in the processed-files register, logs, result and done/error names
 */
record InboxFileName(String folder, String fileName, String storedName) {

    /** {@code relativeName} is FOLDER/FILE as the file consumer reports it. */
    static InboxFileName of(String relativeName) {
        String normalised = relativeName.replace('\\', '/');
        int slash = normalised.indexOf('/');
        String folder = slash > 0 ? normalised.substring(0, slash) : "";
        String fileName = normalised.substring(slash + 1);
        return new InboxFileName(folder, fileName, CardNumberMasking.mask(fileName));
    }

    boolean masked() {
        return !storedName.equals(fileName);
    }

    /** FOLDER/stored name without its extension, for the done/error move. */
    String storedStem() {
        int dot = storedName.lastIndexOf('.');
        return folder + "/" + (dot > 0 ? storedName.substring(0, dot) : storedName);
    }

    /** The extension ("csv"), or empty. */
    String extension() {
        int dot = storedName.lastIndexOf('.');
        return dot > 0 ? storedName.substring(dot + 1) : "";
    }

    /** FOLDER/stored name: what logs show. */
    String storedRelativeName() {
        return folder + "/" + storedName;
    }

    /** The stored name: a record's own toString would show the name as dropped. */
    @Override
    public String toString() {
        return storedRelativeName();
    }
}
