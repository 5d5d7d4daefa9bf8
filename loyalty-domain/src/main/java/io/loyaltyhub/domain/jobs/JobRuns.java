package io.loyaltyhub.domain.jobs;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs of the daily jobs ({@code job_run}), one row per job and day, shared by every hub node: the row is the
 * claim. A node runs a job's day only when it inserted the row, or took it over: from a node whose lease ran out (it
 * was killed, or lost the database for longer than the lease), or after a failed attempt once the retry pause has
 * passed. A finished run is never run again that day.
 */
public final class JobRuns {
    /** How many characters of an outcome are kept. */
    static final int MAX_OUTCOME = 500;

    private static final String FIND = "SELECT job, run_day, status, node, attempts, started_at, lease_until, finished_at, "
            + "outcome FROM job_run WHERE job = ? AND run_day = ?";
    private static final String INSERT = "INSERT INTO job_run (job, run_day, status, node, attempts, started_at, "
            + "lease_until) VALUES (?, ?, 'RUNNING', ?, 1, ?, ?)";
    private static final String TAKE_OVER = "UPDATE job_run SET status = 'RUNNING', node = ?, attempts = attempts + 1, "
            + "started_at = ?, lease_until = ?, finished_at = NULL, outcome = NULL WHERE job = ? AND run_day = ?";
    private static final String RENEW = "UPDATE job_run SET lease_until = ? WHERE job = ? AND run_day = ? AND node = ? "
            + "AND started_at = ? AND status = 'RUNNING'";
    private static final String FINISH = "UPDATE job_run SET status = ?, finished_at = ?, outcome = ? WHERE job = ? "
            + "AND run_day = ? AND node = ? AND started_at = ? AND status = 'RUNNING'";
    private static final String RECENT = "SELECT job, run_day, status, node, attempts, started_at, lease_until, "
            + "finished_at, outcome FROM job_run ORDER BY started_at DESC";

    public enum Status {
        RUNNING, DONE, FAILED
    }

    /** A run as stored. {@code finishedAt} and {@code outcome} are null while it runs. */
    public record Run(String job, LocalDate day, Status status, String node, int attempts, LocalDateTime startedAt,
                      LocalDateTime leaseUntil, LocalDateTime finishedAt, String outcome) {
    }

    /** This node's hold on a job's day: what it renews and finishes. */
    public record Claim(String job, LocalDate day, String node, LocalDateTime startedAt) {
    }

    private final Database database;

    public JobRuns(Database database) {
        this.database = database;
    }

    /**
     * Claims {@code job}'s run of {@code day} for {@code node} until {@code leaseUntil}: when no node has run it yet,
     * when the node running it let its lease run out before {@code now}, or when it failed at {@code retryFrom} or
     * earlier. Empty while another node's lease runs, after a failure too recent, and once the run is done.
     */
    public Optional<Claim> claim(String job, LocalDate day, String node, LocalDateTime now, LocalDateTime leaseUntil,
                                 LocalDateTime retryFrom) {
        // As stored (whole seconds on some servers, Database#now): the claim is matched on it.
        LocalDateTime started = now.truncatedTo(ChronoUnit.MILLIS);
        return database.inJdbcTransaction("job run claim", c -> {
            Optional<Run> stored = find(c, job, day, true);
            if (stored.isEmpty()) {
                return insert(c, job, day, node, started, leaseUntil);
            }
            Run run = stored.get();
            boolean free = switch (run.status()) {
                case DONE -> false;
                case RUNNING -> run.leaseUntil().isBefore(now);
                case FAILED -> !run.finishedAt().isAfter(retryFrom);
            };
            if (!free) {
                return Optional.<Claim>empty();
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(TAKE_OVER)) {
                ps.setString(1, node);
                ps.setObject(2, started);
                ps.setObject(3, leaseUntil);
                ps.setString(4, job);
                ps.setObject(5, day);
                ps.executeUpdate();
            }
            return Optional.of(new Claim(job, day, node, started));
        });
    }

    private static Optional<Claim> insert(Connection c, String job, LocalDate day, String node, LocalDateTime now,
                                          LocalDateTime leaseUntil) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(INSERT)) {
            ps.setString(1, job);
            ps.setObject(2, day);
            ps.setString(3, node);
            ps.setObject(4, now);
            ps.setObject(5, leaseUntil);
            ps.executeUpdate();
            return Optional.of(new Claim(job, day, node, now));
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                return Optional.empty(); // another node inserted it first
            }
            throw e;
        }
    }

    /** Extends the lease of a run this node still holds. @return false when another node took the run over */
    public boolean renew(Claim claim, LocalDateTime leaseUntil) {
        return database.inJdbcTransaction("job run lease", c -> {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(RENEW)) {
                ps.setObject(1, leaseUntil);
                bindClaim(ps, 2, claim);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records how the run ended ({@link Status#DONE} or {@link Status#FAILED}) with its outcome (cut to 500
     * characters). @return false when another node took the run over meanwhile (its outcome will be recorded)
     */
    public boolean finish(Claim claim, Status status, String outcome, LocalDateTime now) {
        if (status == Status.RUNNING) {
            throw new IllegalArgumentException("a run finishes done or failed");
        }
        String kept = outcome == null ? "" : outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME) : outcome;
        return database.inJdbcTransaction("job run end", c -> {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(FINISH)) {
                ps.setString(1, status.name());
                ps.setObject(2, now);
                ps.setString(3, kept);
                bindClaim(ps, 4, claim);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A job's run of a day, if any node has claimed it. */
    public Optional<Run> find(String job, LocalDate day) {
        return database.inJdbcTransaction("job run", c -> find(c, job, day, false));
    }

    /** The newest runs first, at most {@code limit}. */
    public List<Run> recent(int limit) {
        return database.inJdbcTransaction("job runs", c -> {
            List<Run> runs = new ArrayList<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(RECENT)) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.add(run(rs));
                    }
                }
            }
            return runs;
        });
    }

    private static Optional<Run> find(Connection c, String job, LocalDate day, boolean lock) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(lock ? FIND + " FOR UPDATE" : FIND)) {
            ps.setString(1, job);
            ps.setObject(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(run(rs)) : Optional.empty();
            }
        }
    }

    private static void bindClaim(PreparedStatement ps, int from, Claim claim) throws SQLException {
        ps.setString(from, claim.job());
        ps.setObject(from + 1, claim.day());
        ps.setString(from + 2, claim.node());
        ps.setObject(from + 3, claim.startedAt());
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString(1), rs.getObject(2, LocalDate.class), Status.valueOf(rs.getString(3)),
                rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDateTime.class),
                rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class), rs.getString(9));
    }
}
