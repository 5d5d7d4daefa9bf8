package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.ReportDownloadEntity;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit trail of report downloads. A row is written when a download starts (so a download that crashes the
 * node still shows as STARTED) and completed with its row count and outcome when it ends.
 */
public final class ReportDownloads {
    public static final int MAX_LISTED = 1000;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public ReportDownloads(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    public long started(MerchantPrincipal who, String report, String parameters, String format) {
        long id = ids.nextId();
        String shortened = parameters.length() > 500 ? parameters.substring(0, 500) : parameters;
        database.inMerchantTransaction(who.merchant(), s -> {
            s.persist(new ReportDownloadEntity(id, who.credentialId(), report, shortened, format, now()));
            return null;
        });
        return id;
    }

    public void finished(MerchantId merchant, long downloadId, boolean completed, long rows) {
        database.inMerchantTransaction(merchant, s -> {
            // A query, not Session.find: queries carry Hibernate's tenant restriction, loads by id need not.
            ReportDownloadEntity download = s.createSelectionQuery("from ReportDownloadEntity where id = :id",
                    ReportDownloadEntity.class).setParameter("id", downloadId).uniqueResult();
            if (download == null) {
                throw new IllegalStateException("download " + downloadId + " is not this merchant's");
            }
            download.finish(completed ? "COMPLETED" : "FAILED", rows, now());
            return null;
        });
    }

    /** One of this merchant's downloads; another merchant's id is not found, exactly like an id that does not exist. */
    public java.util.Optional<ReportDownloadEntity> find(MerchantId merchant, long downloadId) {
        return database.inMerchantTransaction(merchant, s -> s.createSelectionQuery(
                        "from ReportDownloadEntity where id = :id", ReportDownloadEntity.class)
                .setParameter("id", downloadId).uniqueResultOptional());
    }

    /** This merchant's downloads, newest first (at most {@link #MAX_LISTED}). */
    public List<ReportDownloadEntity> list(MerchantId merchant) {
        return database.inMerchantTransaction(merchant, s -> s.createSelectionQuery(
                        "from ReportDownloadEntity order by startedAt desc, id desc", ReportDownloadEntity.class)
                .setMaxResults(MAX_LISTED).getResultList());
    }

    /** The operator's view: every merchant's downloads, newest first (at most {@link #MAX_LISTED}). */
    public List<ReportDownloadEntity> listAcrossTenants() {
        return database.inOperatorTransaction(s -> s.createSelectionQuery(
                        "from ReportDownloadEntity order by startedAt desc, id desc", ReportDownloadEntity.class)
                .setMaxResults(MAX_LISTED).getResultList());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
