package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.member.MemberContacts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Appends name, email and phone to customer rows, asking {@link MemberContacts} once per chunk of rows, and only
 * for the report's merchant: a customer without consent for this merchant gets empty contact cells. Holds at
 * most one chunk, so memory stays flat however many customers a report has.
 */
final class ContactBatch {
    static final int CHUNK = 500;

    private final ReportRun run;
    private final List<Long> accounts = new ArrayList<>(CHUNK);
    private final List<Object[]> rows = new ArrayList<>(CHUNK);

    ContactBatch(ReportRun run) {
        this.run = run;
    }

    /** Queues a row (without its three contact cells) of the given account. */
    void add(long accountId, Object... row) throws IOException {
        accounts.add(accountId);
        rows.add(row);
        if (rows.size() >= CHUNK) {
            flush();
        }
    }

    void flush() throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, MemberContacts.Contact> contacts = run.contacts().consentedContacts(run.merchant(),
                List.copyOf(new LinkedHashSet<>(accounts)));
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            Object[] full = Arrays.copyOf(row, row.length + 3);
            MemberContacts.Contact c = contacts.get(accounts.get(i));
            if (c != null) {
                full[row.length] = c.name();
                full[row.length + 1] = c.email();
                full[row.length + 2] = c.phone();
            }
            run.out().row(full);
        }
        accounts.clear();
        rows.clear();
    }
}
