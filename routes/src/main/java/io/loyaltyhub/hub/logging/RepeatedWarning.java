package io.loyaltyhub.hub.logging;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that can come thousands of times a second (every swipe refused while the hub is overloaded): the first of
 * each kind is logged, the others of that kind within the interval are counted, and the next one after it is logged
 * with how many were left out. The log stays readable and its volume bounded; no count is lost.
 */
public final class RepeatedWarning {
    private final Logger log;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RepeatedWarning(Logger log, Duration interval, Clock clock) {
        this.log = log;
        this.interval = interval;
        this.clock = clock;
    }

    private static final class Window {
        volatile long loggedAt;
        final AtomicLong leftOut = new AtomicLong();

        Window(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }

    /**
     * Logs the warning, or counts it when one of the same {@code kind} was logged within the interval.
     *
     * @return whether it was logged
     */
    public boolean warn(String kind, String format, Object... arguments) {
        long now = clock.millis();
        Window window = windows.computeIfAbsent(kind, k -> new Window(Long.MIN_VALUE));
        synchronized (window) {
            if (window.loggedAt != Long.MIN_VALUE && now - window.loggedAt < interval.toMillis()) {
                window.leftOut.incrementAndGet();
                return false;
            }
            window.loggedAt = now;
        }
        long leftOut = window.leftOut.getAndSet(0);
        if (leftOut == 0) {
            log.warn(format, arguments);
        } else {
            log.warn(format + " ({} more like it since the last such line, not logged one by one)",
                    append(arguments, leftOut));
        }
        return true;
    }

    private static Object[] append(Object[] arguments, Object last) {
        Object[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
