package dev.grader.analyse;

import dev.grader.analyse.java.JavaAnalyzer;
import dev.grader.analyse.python.PythonAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * List every misuse rule the grader knows, with its metadata, for {@code rules}, {@code explain} and rubrics.
 */
public final class Catalogue {

    /** The rule the Java harness reports at run time: a JVM kept alive by an executor never shut down. */
    public static final RuleInfo EXECUTOR_KEEPS_JVM_ALIVE = new RuleInfo("java-executor-keeps-jvm-alive", "java",
            Severity.ERROR, "The program never exits: an ExecutorService was never shut down",
            "An executor's worker threads are not daemons: once main returns they wait for more work forever, and "
                    + "the JVM waits for them. Seen at run time: main had returned and only idle workers were left.",
            "Call shutdown() once every task is submitted (then awaitTermination), or create the executor in a "
                    + "try-with-resources block (Java 19+).",
            "ExecutorService pool = Executors.newFixedThreadPool(4);\n"
                    + "pool.submit(() -> System.out.println(1));\n"
                    + "// missing: pool.shutdown(); pool.awaitTermination(1, TimeUnit.MINUTES);");

    private Catalogue() {
    }

    /** Return every rule, in catalogue order. */
    public static List<RuleInfo> all() {
        List<RuleInfo> all = new ArrayList<>(PythonAnalyzer.rules());
        all.addAll(JavaAnalyzer.rules());
        all.add(EXECUTOR_KEEPS_JVM_ALIVE);
        return List.copyOf(all);
    }

    /** Return the rule with the given id. */
    public static Optional<RuleInfo> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
