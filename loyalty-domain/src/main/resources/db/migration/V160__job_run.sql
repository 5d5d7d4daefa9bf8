-- The hub's daily jobs (points expiry, tier recompute, settlement period close: docs/operations.md, "Daily jobs"):
-- one row per job and UTC day. The row is the claim: the node that inserts it runs the job, for a lease it renews
-- while it works; a node killed mid-run stops renewing, and once the lease has run out another node takes the run
-- over (every job is safe to run again). A failed run is tried again after a pause. Coalition data: no merchant.
CREATE TABLE job_run (
    job          VARCHAR(32)  NOT NULL,
    run_day      DATE         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    node         VARCHAR(64)  NOT NULL,
    attempts     INT          NOT NULL,
    started_at   DATETIME(3)  NOT NULL,
    lease_until  DATETIME(3)  NOT NULL,
    finished_at  DATETIME(3)  NULL,
    outcome      VARCHAR(500) NULL,
    CONSTRAINT pk_job_run PRIMARY KEY (job, run_day)
);
CREATE INDEX ix_job_run_started ON job_run (started_at);
