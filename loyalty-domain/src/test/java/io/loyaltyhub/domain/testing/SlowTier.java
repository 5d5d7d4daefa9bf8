package io.loyaltyhub.domain.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Which test classes belong to the slow tier, found from the code rather than from a list: a test class is slow when
 * its code (its methods, its nested classes and lambdas, the suites it extends), or any method of this code base it
 * calls, directly or through others, makes one of the {@link #SLOW_CALLS}. Such a class must carry the tag
 * {@value Slow#TAG} as JUnit sees it ({@link Slow} on the class or on a suite it extends).
 *
 * <p>What it cannot see: a call made through an interface or by reflection (picocli running a command, say) is not
 * followed to the class that implements it. A test that reaches a slow call only that way must be tagged by hand.
 */
public final class SlowTier {
    /** The resource lock of the tests that capture the JVM's log lines. */
    public static final String CAPTURED_LOGS = "io.loyaltyhub.captured-logs";
    /** The resource lock of the tests that replace {@code System.in} (JUnit names none for it). */
    public static final String STANDARD_INPUT = "java.lang.System.in";
    private static final String CONSTRUCTOR = "<init>";

    /** A call that puts the test making it in the slow tier: a method of a class, and why it is slow. */
    public record SlowCall(String owner, String method, String why) {
        boolean matches(CodeUnitAccessTarget target) {
            return target.getOwner().getName().equals(owner) && target.getName().equals(method);
        }

        @Override
        public String toString() {
            return withoutPackage(owner) + "." + method + " (" + why + ")";
        }
    }

    public static final List<SlowCall> SLOW_CALLS = List.of(
            new SlowCall("io.loyaltyhub.hub.LoyaltyHub", "start", "boots a whole hub"),
            new SlowCall("java.lang.ProcessBuilder", "start", "starts a child process"),
            new SlowCall("java.lang.Runtime", "exec", "starts a child process"),
            new SlowCall("org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ", "start", "starts a broker"),
            new SlowCall(TestDatabases.class.getName(), "freshMySql", "needs the MySQL-compatible server"));

    /** Calls that make a test an architecture test: it imports classes to check the code's structure. */
    public static final List<SlowCall> ARCHITECTURE_CALLS = List.of(
            new SlowCall("com.tngtech.archunit.core.importer.ClassFileImporter", "importPackages", "imports classes"),
            new SlowCall("com.tngtech.archunit.core.importer.ClassFileImporter", "importPackagesOf", "imports classes"),
            new SlowCall("com.tngtech.archunit.core.importer.ClassFileImporter", "importClasspath", "imports classes"),
            new SlowCall("com.tngtech.archunit.core.importer.ClassFileImporter", "importPath", "imports classes"));

    /**
     * State a whole test JVM shares, which the fast tier's test classes (run two at a time) must lock to use: a call
     * that changes it, and the JUnit resource lock ({@code @ResourceLock}) its class must hold.
     */
    public record SharedState(SlowCall call, String lock) {
    }

    public static final List<SharedState> SHARED_STATE = List.of(
            new SharedState(new SlowCall("java.lang.System", "setOut", "replaces the JVM's standard output"),
                    Resources.SYSTEM_OUT),
            new SharedState(new SlowCall("java.lang.System", "setErr", "replaces the JVM's standard error"),
                    Resources.SYSTEM_ERR),
            new SharedState(new SlowCall("java.lang.System", "setIn", "replaces the JVM's standard input"),
                    STANDARD_INPUT),
            new SharedState(new SlowCall("io.loyaltyhub.hub.CapturedLogs", CONSTRUCTOR,
                    "captures every log line and changes a logger's level"), CAPTURED_LOGS));

    private static final String CODE_BASE = "io.loyaltyhub.";

    private SlowTier() {
    }

    private static JavaClasses codeBase;

    /** Main and test classes of the whole code base on the test class path, imported once per test JVM. */
    public static synchronized JavaClasses importCodeBase() {
        if (codeBase == null) {
            codeBase = new ClassFileImporter().importPackages("io.loyaltyhub");
        }
        return codeBase;
    }

    /** The rule for one module's tests: those in {@code testPackage} (e.g. {@code io.loyaltyhub.hub}). */
    public static ArchRule slowTestsAreTaggedSlow(String testPackage) {
        return classes().that(areTestClassesIn(testPackage)).should(beTaggedSlowWhenTheyReach(SLOW_CALLS))
                .allowEmptyShould(false);
    }

    /** The same for the architecture tag: a test that imports classes ({@link #ARCHITECTURE_CALLS}) carries it. */
    public static ArchRule architectureTestsAreTagged(String testPackage) {
        return classes().that(areTestClassesIn(testPackage))
                .should(beTaggedWhenTheyReach(Architecture.TAG, "@Architecture", ARCHITECTURE_CALLS))
                .allowEmptyShould(false);
    }

    /**
     * The rule that lets the fast tier run test classes at once: a test class that reaches a call changing state the
     * whole JVM shares ({@link #SHARED_STATE}) holds that state's resource lock, so no other holder runs meanwhile.
     */
    public static ArchRule sharedStateIsLocked(String testPackage) {
        return classes().that(areTestClassesIn(testPackage)).should(holdTheLocksOfTheSharedStateTheyChange())
                .allowEmptyShould(false);
    }

    private static ArchCondition<JavaClass> holdTheLocksOfTheSharedStateTheyChange() {
        return new ArchCondition<>("hold @ResourceLock of the shared state they change " + SHARED_STATE) {
            @Override
            public void check(JavaClass testClass, ConditionEvents events) {
                Set<String> held = AnnotationSupport.findRepeatableAnnotations(testClass.reflect(), ResourceLock.class)
                        .stream().map(ResourceLock::value).collect(Collectors.toSet());
                for (SharedState state : SHARED_STATE) {
                    Optional<String> path = pathToSlowCall(testClass, List.of(state.call()));
                    boolean satisfied = path.isEmpty() || held.contains(state.lock());
                    events.add(new SimpleConditionEvent(testClass, satisfied, testClass.getName()
                            + path.map(p -> " reaches " + p).orElse(" does not reach " + state.call())
                            + (satisfied ? "" : ": annotate it with @ResourceLock(\"" + state.lock() + "\")")));
                }
            }
        };
    }

    /** Top-level, concrete classes with a JUnit test method (their own or a suite's they extend). */
    public static DescribedPredicate<JavaClass> areTestClassesIn(String testPackage) {
        return DescribedPredicate.describe("are test classes in " + testPackage, javaClass ->
                javaClass.getPackageName().startsWith(testPackage) && javaClass.isTopLevelClass()
                        && !javaClass.getModifiers().contains(JavaModifier.ABSTRACT) && hasTestMethods(javaClass));
    }

    private static boolean hasTestMethods(JavaClass javaClass) {
        return !ReflectionSupport.findMethods(javaClass.reflect(), method -> AnnotationSupport.isAnnotated(method, Testable.class),
                HierarchyTraversalMode.TOP_DOWN).isEmpty();
    }

    public static ArchCondition<JavaClass> beTaggedSlowWhenTheyReach(List<SlowCall> slowCalls) {
        return beTaggedWhenTheyReach(Slow.TAG, "@Slow", slowCalls);
    }

    private static ArchCondition<JavaClass> beTaggedWhenTheyReach(String tag, String annotation, List<SlowCall> calls) {
        return new ArchCondition<>("be tagged \"" + tag + "\" (" + annotation + ") when they reach one of " + calls) {
            @Override
            public void check(JavaClass testClass, ConditionEvents events) {
                Optional<String> path = pathToSlowCall(testClass, calls);
                boolean tagged = isTagged(testClass.reflect(), tag);
                String message = testClass.getName() + path.map(p -> " reaches " + p).orElse(" reaches none of them")
                        + (tagged ? " and is tagged " : " and is not tagged ") + tag;
                events.add(new SimpleConditionEvent(testClass, path.isEmpty() || tagged,
                        path.isPresent() && !tagged ? message + ": annotate it with " + annotation : message));
            }
        };
    }

    /** The tag as JUnit (and so Maven's excludedGroups) sees it: on the class, a suite it extends, or an annotation. */
    static boolean isTaggedSlow(Class<?> testClass) {
        return isTagged(testClass, Slow.TAG);
    }

    private static boolean isTagged(Class<?> testClass, String tag) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, Tag.class).stream()
                .anyMatch(found -> found.value().equals(tag));
    }

    /**
     * A shortest chain of calls from the class's own code to a slow call, e.g.
     * {@code HttpChannelTest.startHub() -> HubFixture.start() -> ... -> LoyaltyHub.start (boots a whole hub)}.
     */
    static Optional<String> pathToSlowCall(JavaClass testClass, List<SlowCall> slowCalls) {
        Map<JavaCodeUnit, JavaCodeUnit> calledFrom = new HashMap<>();
        Deque<JavaCodeUnit> toVisit = new ArrayDeque<>();
        for (JavaClass own : ownCode(testClass)) {
            for (JavaCodeUnit unit : own.getCodeUnits()) {
                calledFrom.put(unit, null);
                toVisit.add(unit);
            }
        }
        while (!toVisit.isEmpty()) {
            JavaCodeUnit unit = toVisit.poll();
            for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
                if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
                    continue;
                }
                for (SlowCall slow : slowCalls) {
                    if (slow.matches(target)) {
                        return Optional.of(chain(unit, calledFrom) + " -> " + slow);
                    }
                }
                Optional<? extends JavaCodeUnit> callee = target.resolveMember();
                if (callee.isPresent() && callee.get().getOwner().getName().startsWith(CODE_BASE)
                        && !calledFrom.containsKey(callee.get())) {
                    calledFrom.put(callee.get(), unit);
                    toVisit.add(callee.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The class, the suites it extends, and the classes nested in any of them: member, local and anonymous classes
     * (which are in the same package). Lambdas compile into methods of their class, so they are its code too.
     */
    private static Set<JavaClass> ownCode(JavaClass testClass) {
        Set<JavaClass> own = new LinkedHashSet<>(hierarchy(testClass));
        Set<JavaClass> samePackages = own.stream().flatMap(c -> c.getPackage().getClasses().stream())
                .collect(Collectors.toSet());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass candidate : samePackages) {
                if (!own.contains(candidate) && candidate.getEnclosingClass().filter(own::contains).isPresent()) {
                    own.add(candidate);
                    grew = true;
                }
            }
        }
        return own;
    }

    private static List<JavaClass> hierarchy(JavaClass javaClass) {
        List<JavaClass> hierarchy = new ArrayList<>();
        hierarchy.add(javaClass);
        for (JavaClass superclass : javaClass.getAllRawSuperclasses()) {
            if (superclass.getName().startsWith(CODE_BASE)) {
                hierarchy.add(superclass);
            }
        }
        return hierarchy;
    }

    private static String withoutPackage(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String chain(JavaCodeUnit last, Map<JavaCodeUnit, JavaCodeUnit> calledFrom) {
        List<String> names = new ArrayList<>();
        for (JavaCodeUnit unit = last; unit != null; unit = calledFrom.get(unit)) {
            names.add(withoutPackage(unit.getOwner().getName()) + "." + unit.getName() + "()");
        }
        Collections.reverse(names);
        return names.stream().collect(Collectors.joining(" -> "));
    }
}
