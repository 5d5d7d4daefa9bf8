package io.loyaltyhub.domain.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.TenantId;

/** One report download as audited: who, which report with which parameters, how many rows, when. Tenant-owned. */
@Entity
@Table(name = "report_download")
public class ReportDownloadEntity {
    @Id
    private Long id;
    @TenantId
    @Column(name = "merchant_id", nullable = false, updatable = false)
    private Long merchantId;
    @Column(name = "credential_id", nullable = false, length = 40, updatable = false)
    private String credentialId;
    @Column(nullable = false, length = 32, updatable = false)
    private String report;
    @Column(nullable = false, length = 500, updatable = false)
    private String parameters;
    @Column(nullable = false, length = 8, updatable = false)
    private String format;
    @Column(nullable = false, length = 16)
    private String outcome;
    @Column(name = "row_count", nullable = false)
    private long rowCount;
    @Column(name = "started_at", nullable = false, updatable = false)
    private LocalDateTime startedAt;
    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    protected ReportDownloadEntity() {
    }

    public ReportDownloadEntity(long id, String credentialId, String report, String parameters, String format,
                                LocalDateTime startedAt) {
        this.id = id;
        this.credentialId = credentialId;
        this.report = report;
        this.parameters = parameters;
        this.format = format;
        this.outcome = "STARTED";
        this.startedAt = startedAt;
    }

    public void finish(String outcome, long rowCount, LocalDateTime finishedAt) {
        this.outcome = outcome;
        this.rowCount = rowCount;
        this.finishedAt = finishedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMerchantId() {
        return merchantId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getReport() {
        return report;
    }

    public String getParameters() {
        return parameters;
    }

    public String getFormat() {
        return format;
    }

    public String getOutcome() {
        return outcome;
    }

    public long getRowCount() {
        return rowCount;
    }

    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    public LocalDateTime getFinishedAt() {
        return finishedAt;
    }
}
