package dev.grader.analyse.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.grader.analyse.Finding;
import dev.grader.analyse.Rule;
import dev.grader.analyse.RuleInfo;
import dev.grader.build.Program.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Find thread, process and executor misuse in Java answers with JavaParser and the Java rules of the
 * catalogue. A parser is built per use: JavaParser's static configuration is per thread.
 */
public final class JavaAnalyzer {

    private static final List<JavaRule> RULES = List.of(new ThreadNotJoinedRule(), new RunInsteadOfStartRule(),
            new JoinBeforeStartRule(), new StartJoinSameIterationRule(), new ExecutorNotShutdownRule(),
            new ShutdownWithoutAwaitRule(), new FutureNotReadRule(), new ProcessOutputNotConsumedRule(),
            new SystemExitInWorkerRule());

    /** Return the metadata of every Java rule, in catalogue order. */
    public static List<RuleInfo> rules() {
        return RULES.stream().map(JavaRule::info).toList();
    }

    /**
     * Analyse one Java file.
     *
     * @param source the code
     * @param file the file's name, for the findings
     * @return the findings sorted by line; empty when the code does not parse
     */
    public List<Finding> analyse(String source, String file) {
        ParserConfiguration config = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        ParseResult<CompilationUnit> parsed = new JavaParser(config).parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return List.of();
        }
        JavaFacts facts = new JavaFacts(parsed.getResult().get());
        Set<Rule.Hit> hits = new LinkedHashSet<>();
        for (JavaRule r : RULES) {
            hits.addAll(r.check(facts));
        }
        List<Finding> out = new ArrayList<>();
        hits.stream().sorted(Comparator.comparingInt(Rule.Hit::line).thenComparing(Rule.Hit::rule))
                .forEach(h -> out.add(new Finding(h.rule(), h.severity(), new Origin(file, h.line(), true), h.message())));
        return out;
    }
}
