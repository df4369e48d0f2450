package dev.grader.analyse.java;

import dev.grader.analyse.RuleInfo;
import dev.grader.analyse.RuleSet;
import dev.grader.analyse.Severity;
import java.util.ArrayList;
import java.util.List;

/** List the rules {@link JavaAnalyzer} checks Java code against, and the one the harness reports at run time. */
public final class JavaRuleSet implements RuleSet {

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

    @Override
    public List<RuleInfo> rules() {
        List<RuleInfo> all = new ArrayList<>(JavaAnalyzer.rules());
        all.add(EXECUTOR_KEEPS_JVM_ALIVE);
        return all;
    }
}
