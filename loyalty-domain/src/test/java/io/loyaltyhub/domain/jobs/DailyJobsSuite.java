package io.loyaltyhub.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TwoNodes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily jobs on the embedded database and a MySQL-compatible server, run by two nodes (two pools on one
 * database): each day's run is made once, from the time of day on; a node killed mid-run leaves a lease the other
 * node takes over once it ran out; a failed run is recorded and tried again after the pause; and the programme's
 * three jobs do what their commands do.
 */
abstract class DailyJobsSuite {
    private static final Instant DAY_ONE = Instant.parse("2026-12-01T00:00:00Z");
    private static final DailyJobs.Schedule SCHEDULE = new DailyJobs.Schedule(LocalTime.of(2, 0), Duration.ofMinutes(10),
            Duration.ofMinutes(15));

    private TwoNodes nodes;
    private Database nodeOne;
    private Database nodeTwo;
    private final MovableClock clock = new MovableClock(DAY_ONE.plus(Duration.ofMinutes(119)));

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void twoNodes() {
        nodes = new TwoNodes(newDatabase());
        nodeOne = nodes.one();
        nodeTwo = nodes.two();
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    /** A job that counts its runs, fails while {@code failures} is above zero, and may wait for a latch first. */
    private static final class Counted implements DailyJob {
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        private final String name;
        private final CountDownLatch release;

        Counted(String name, CountDownLatch release) {
            this.name = name;
            this.release = release;
        }

        Counted(String name) {
            this(name, new CountDownLatch(0));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String run(Consumer<String> progress) {
            runs.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException(name + " failed: the database went away");
            }
            return name + " did its work";
        }
    }

    private DailyJobs jobs(Database node, String name, DailyJob... jobs) {
        return new DailyJobs(new JobRuns(node), List.of(jobs), clock, name, SCHEDULE);
    }

    @Test
    void eachDaysRunIsMadeOnceByOneOfTwoNodesFromTheTimeOfDayOn() {
        Counted expiry = new Counted("expiry");
        Counted tiers = new Counted("tiers");
        DailyJobs one = jobs(nodeOne, "one", expiry, tiers);
        DailyJobs two = jobs(nodeTwo, "two", expiry, tiers);

        assertThat(one.runDue()).as("01:59: not due yet").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        List<JobRuns.Run> made = one.runDue();
        assertThat(two.runDue()).as("node one made today's runs").isEmpty();
        assertThat(one.runDue()).as("made, not made again").isEmpty();
        clock.advance(Duration.ofHours(23));
        assertThat(two.runDue()).as("01:00 the next day").isEmpty();
        clock.advance(Duration.ofHours(1));
        List<JobRuns.Run> nextDay = two.runDue();

        assertThat(made).extracting(JobRuns.Run::job, JobRuns.Run::day, JobRuns.Run::status, JobRuns.Run::node,
                        JobRuns.Run::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("expiry", LocalDate.of(2026, 12, 1), JobRuns.Status.DONE, "one",
                                "expiry did its work"),
                        org.assertj.core.groups.Tuple.tuple("tiers", LocalDate.of(2026, 12, 1), JobRuns.Status.DONE, "one",
                                "tiers did its work"));
        assertThat(nextDay).extracting(JobRuns.Run::day, JobRuns.Run::node)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 2), "two"));
        assertThat(expiry.runs).hasValue(2);
        assertThat(tiers.runs).hasValue(2);
        assertThat(new JobRuns(nodeOne).recent(10)).hasSize(4);
    }

    @Test
    void aRunWhoseNodeWasKilledIsTakenOverOnceItsLeaseRanOut() {
        clock.advance(Duration.ofMinutes(1));
        JobRuns runs = new JobRuns(nodeOne);
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        assertThat(runs.claim("expiry", now.toLocalDate(), "killed", now, now.plus(SCHEDULE.lease()), now))
                .as("the node that is then killed mid-run").isPresent();
        Counted expiry = new Counted("expiry");
        DailyJobs two = jobs(nodeTwo, "two", expiry);

        assertThat(two.runDue()).as("the killed node's lease still runs").isEmpty();
        clock.advance(SCHEDULE.lease().plusSeconds(1));
        List<JobRuns.Run> takenOver = two.runDue();

        assertThat(takenOver).singleElement().satisfies(run -> {
            assertThat(run.node()).isEqualTo("two");
            assertThat(run.status()).isEqualTo(JobRuns.Status.DONE);
            assertThat(run.attempts()).isEqualTo(2);
        });
        assertThat(expiry.runs).hasValue(1);
        assertThat(runs.finish(new JobRuns.Claim("expiry", now.toLocalDate(), "killed", now.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS)), JobRuns.Status.DONE, "late", now))
                .as("the first node, back, cannot overwrite the run it lost").isFalse();
    }

    @Test
    void aFailedRunIsRecordedWithItsErrorAndTriedAgainAfterThePause() {
        clock.advance(Duration.ofMinutes(1));
        Counted close = new Counted("close");
        close.failures.set(1);
        DailyJobs one = jobs(nodeOne, "one", close);

        List<JobRuns.Run> failed = one.runDue();
        clock.advance(SCHEDULE.retryAfter().minusSeconds(1));
        List<JobRuns.Run> tooSoon = jobs(nodeTwo, "two", close).runDue();
        clock.advance(Duration.ofSeconds(1));
        List<JobRuns.Run> retried = jobs(nodeTwo, "two", close).runDue();

        assertThat(failed).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobRuns.Status.FAILED);
            assertThat(run.outcome()).isEqualTo("close failed: the database went away");
            assertThat(run.finishedAt()).isNotNull();
        });
        assertThat(tooSoon).isEmpty();
        assertThat(retried).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobRuns.Status.DONE);
            assertThat(run.attempts()).isEqualTo(2);
            assertThat(run.node()).isEqualTo("two");
        });
        assertThat(close.runs).hasValue(2);
    }

    @Test
    void twoNodesAskingAtTheSameMomentRunTheJobOnce() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        Counted expiry = new Counted("expiry", release);
        DailyJobs one = jobs(nodeOne, "one", expiry);
        DailyJobs two = jobs(nodeTwo, "two", expiry);
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<List<JobRuns.Run>> byOne = CompletableFuture.supplyAsync(() -> awaitThen(start, one));
        CompletableFuture<List<JobRuns.Run>> byTwo = CompletableFuture.supplyAsync(() -> awaitThen(start, two));
        start.countDown();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> expiry.runs.get() == 1
                || byOne.isDone() && byTwo.isDone());
        release.countDown();
        List<JobRuns.Run> made = new ArrayList<>(byOne.get());
        made.addAll(byTwo.get());

        assertThat(expiry.runs).hasValue(1);
        assertThat(made).singleElement().extracting(JobRuns.Run::status).isEqualTo(JobRuns.Status.DONE);
    }

    private static List<JobRuns.Run> awaitThen(CountDownLatch start, DailyJobs jobs) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return jobs.runDue();
    }

    @Test
    void theProgrammesJobsDoWhatTheirCommandsDoAndAHubDownForDaysClosesEveryEndedPeriod() {
        CoalitionFixture coalition = new CoalitionFixture(nodeOne);
        coalition.merchant("jobs-a");
        coalition.merchant("jobs-b");
        IdGenerator ids = IdGenerator.forNode(33);
        PeriodClose close = new PeriodClose(nodeOne, ids, clock, text -> new byte[64]);
        DailyJobs one = new DailyJobs(new JobRuns(nodeOne), List.of(CoalitionJobs.pointsExpiry(new PointsExpiry(nodeOne, ids,
                clock)), CoalitionJobs.tierRecompute(new Tiers(nodeOne, clock)), CoalitionJobs.periodClose(close)), clock,
                "one", SCHEDULE);
        clock.advance(Duration.ofMinutes(1));

        List<JobRuns.Run> noTerms = one.runDue();
        new SettlementTerms(nodeOne, ids, clock).setProgramme(new ProgrammeTerms("EUR", 1, 1, PeriodKind.DAILY));
        clock.advance(Duration.ofDays(3));
        List<JobRuns.Run> threeDaysLater = one.runDue();

        assertThat(noTerms).extracting(JobRuns.Run::job, JobRuns.Run::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("points-expiry", "0 point(s) expired on 0 account(s) of 0 looked at"),
                org.assertj.core.groups.Tuple.tuple("tier-recompute", "no tier is defined"),
                org.assertj.core.groups.Tuple.tuple("period-close", "nothing to close: no-settlement-terms"));
        JobRuns.Run closed = threeDaysLater.get(2);
        assertThat(closed.status()).as(closed.outcome()).isEqualTo(JobRuns.Status.DONE);
        assertThat(closed.outcome().split("; ")).as(closed.outcome()).hasSize(3)
                .allSatisfy(line -> assertThat(line).endsWith("closed, 2 statement(s) written"));
        assertThat(close.current().startsAt()).isEqualTo(java.time.LocalDateTime.of(2026, 12, 4, 0, 0));
    }
}
