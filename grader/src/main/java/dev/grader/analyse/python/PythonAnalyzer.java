package dev.grader.analyse.python;

import dev.grader.analyse.Finding;
import dev.grader.analyse.Rule;
import dev.grader.analyse.RuleInfo;
import dev.grader.build.Program;
import dev.grader.build.Program.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Find multiprocessing misuse in Python answers with every rule of the catalogue.
 *
 * <p>The tree comes from CPython's own parser (through {@link TreeSource}); the rules run here.
 */
public final class PythonAnalyzer {

    private static final List<PythonRule> RULES = List.of(new ProcessNotJoinedRule(), new JoinBeforeStartRule(),
            new StartJoinSameIterationRule(), new TargetCalledRule(), new ArgsNotTupleRule(),
            new PoolNotClosedRule(), new PoolJoinWithoutCloseRule(), new PoolCloseWithoutJoinRule(),
            new PoolUsedAfterCloseRule(), new PoolClosedAfterWithRule(), new AsyncResultNotFetchedRule(),
            new OutsideMainGuardRule(), new UnpicklableCallableRule(), new ProcessSubclassStartRule(),
            new ProcessSubclassInitRule(), new ExecutorNotShutdownRule(), new ThreadNotJoinedRule(),
            new RunInsteadOfStartRule(), new ThreadIsAliveRule(), new ThreadingAliasRule());

    private static final Pattern LINE_REF = Pattern.compile("\u0001(\\d+)\u0002");

    private final TreeSource trees;

    /** Make an analyzer that parses with the given source of trees. */
    public PythonAnalyzer(TreeSource trees) {
        this.trees = trees;
    }

    /** Return the metadata of every Python rule, in catalogue order. */
    public static List<RuleInfo> rules() {
        return RULES.stream().map(PythonRule::info).toList();
    }

    /**
     * Analyse the program of one answer; findings are reported only on the answer's own lines.
     *
     * @param program the program (prelude of earlier cells plus the answer)
     * @param script whether the student wrote a script rather than a notebook
     * @return the findings at the student's lines, sorted by line; empty when the code does not compile
     */
    public List<Finding> analyse(Program program, boolean script) {
        List<Finding> out = new ArrayList<>();
        for (Rule.Hit h : hits(program.source(), script, program.answerStart())) {
            if (h.line() >= program.answerStart()) {
                out.add(new Finding(h.rule(), h.severity(), program.origin(h.line()),
                        resolve(h.message(), n -> program.origin(n).describe())));
            }
        }
        return out;
    }

    /**
     * Analyse a whole file.
     *
     * @param source the code
     * @param file the file's name, for the findings
     * @param script whether it is a script rather than notebook cells
     * @return the findings, sorted by line; empty when the code does not compile
     */
    public List<Finding> analyse(String source, String file, boolean script) {
        List<Finding> out = new ArrayList<>();
        for (Rule.Hit h : hits(source, script, 1)) {
            out.add(new Finding(h.rule(), h.severity(), new Origin(file, h.line()),
                    resolve(h.message(), n -> "line " + n)));
        }
        return out;
    }

    /** Write the line references a rule made with {@link PythonRule#at} as the student's locations. */
    private static String resolve(String message, IntFunction<String> where) {
        Matcher m = LINE_REF.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(where.apply(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private List<Rule.Hit> hits(String source, boolean script, int firstLine) {
        PyNode tree = trees.parse(source);
        if (tree == null) {
            return List.of();
        }
        Model model = Evaluator.evaluate(tree, Arrays.asList(source.split("\n", -1)), script, firstLine);
        if (model.incomplete) {
            return List.of();
        }
        Set<Rule.Hit> hits = new LinkedHashSet<>();
        for (PythonRule r : RULES) {
            hits.addAll(r.check(model));
        }
        List<Rule.Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Rule.Hit::line).thenComparing(Rule.Hit::rule));
        return sorted;
    }
}
