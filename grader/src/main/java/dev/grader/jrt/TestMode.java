package dev.grader.jrt;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Run the instructor's JUnit 5 test classes against the student's classes through the JUnit Platform launcher,
 * recording one {@code test} event per test (and per class that failed before its tests could run).
 *
 * <p>Loaded only in test mode, so a plain run needs no JUnit on its class path.
 */
final class TestMode {

    private TestMode() {
    }

    /** Run the classes' tests; return 0 (the outcomes are in the trace, not the exit code). */
    static int run(Events events, String[] classes, PrintStream err) {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String c : classes) {
            selectors.add(DiscoverySelectors.selectClass(c));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false").build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                record(events, id, "skipped", reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    return;
                }
                String message = result.getThrowable().map(TestMode::message).orElse(null);
                String status = switch (result.getStatus()) {
                    case SUCCESSFUL -> "passed";
                    case ABORTED -> "aborted";
                    case FAILED -> "failed";
                };
                record(events, id, status, message);
            }
        });
        return 0;
    }

    private static void record(Events events, TestIdentifier id, String status, String message) {
        if (events == null) {
            return;
        }
        Optional<TestSource> source = id.getSource();
        String name;
        if (source.isPresent() && source.get() instanceof MethodSource m) {
            name = m.getClassName() + "#" + m.getMethodName();
        } else if (source.isPresent() && source.get() instanceof ClassSource c) {
            name = c.getClassName();
        } else {
            return;
        }
        events.emit("test", "name", name, "display", id.getDisplayName(), "status", status, "message", message,
                "container", !id.isTest());
    }

    private static String message(Throwable x) {
        String m = x.getMessage();
        String text = m == null || m.isBlank() ? x.getClass().getName() : x.getClass().getSimpleName().startsWith("Assertion")
                || x.getClass().getName().startsWith("org.opentest4j.") ? m : x.getClass().getName() + ": " + m;
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
