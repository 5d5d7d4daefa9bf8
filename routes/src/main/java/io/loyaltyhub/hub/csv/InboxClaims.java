package io.loyaltyhub.hub.csv;

import io.loyaltyhub.domain.txn.BatchFileClaims;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file consumer's read lock across hub nodes ({@code readLock=idempotent-changed}): before a node reads a
 * dropped file it claims the file in the shared database ({@link BatchFileClaims}); a node that finds the file
 * claimed leaves it alone, so each file is processed by one node whichever sees it first. The claim is a lease,
 * renewed every third of {@code lease} while the file is in work here; a node killed mid-file stops renewing and
 * another node takes the file over once the lease has run out. The claim is given up when the file has been moved
 * out of the inbox (done/ or error/), or when this node did not take the file after all.
 *
 * <p>A database that cannot be reached refuses the claim (the file waits in the inbox for the next poll).
 */
public final class InboxClaims extends ServiceSupport implements IdempotentRepository {
    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String channel;
    private final BatchFileClaims claims;
    private final String holder;
    private final Duration lease;
    private final Clock clock;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewals;

    public InboxClaims(String channel, BatchFileClaims claims, int nodeId, Duration lease, Clock clock) {
        this.channel = channel;
        this.claims = claims;
        // A node started again is another holder: what the killed process held waits for its lease to run out.
        this.holder = "node-" + nodeId + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        this.lease = lease;
        this.clock = clock;
    }

    public String holder() {
        return holder;
    }

    @Override
    public boolean add(String fileName) {
        try {
            boolean claimed = claims.claim(key(fileName), holder, clock.instant(), clock.instant().plus(lease));
            if (claimed) {
                held.add(fileName);
            }
            return claimed;
        } catch (RuntimeException e) {
            log.warn("{} inbox: could not claim a dropped file ({}); it waits for the next poll", channel, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean contains(String fileName) {
        return claims.isHeld(key(fileName), clock.instant());
    }

    @Override
    public boolean remove(String fileName) {
        held.remove(fileName);
        try {
            claims.release(key(fileName), holder);
        } catch (RuntimeException e) {
            // The lease runs out by itself; the file has left the inbox, so no node will ask for it again.
            log.warn("{} inbox: could not give up a file's claim ({}); it lapses after {} s", channel, e.getMessage(),
                    lease.toSeconds());
        }
        return true;
    }

    @Override
    public boolean confirm(String fileName) {
        return remove(fileName);
    }

    @Override
    public void clear() {
        // Claims are shared with the other nodes: never cleared by one of them.
    }

    /** Files this node holds now (tests, and the log line of a stop). */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    private String key(String fileName) {
        return channel + ":" + fileName;
    }

    @Override
    protected void doStart() {
        renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-" + channel.toLowerCase(java.util.Locale.ROOT) + "-claims");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        List<String> keys = held.stream().map(this::key).toList();
        try {
            claims.renew(keys, holder, clock.instant().plus(lease));
        } catch (RuntimeException e) {
            log.warn("{} inbox: could not renew the claims on {} file(s): {}", channel, keys.size(), e.getMessage());
        }
    }

    @Override
    protected void doStop() {
        if (renewals != null) {
            renewals.shutdownNow();
        }
    }
}
