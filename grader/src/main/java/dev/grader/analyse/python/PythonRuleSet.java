package dev.grader.analyse.python;

import dev.grader.analyse.RuleInfo;
import dev.grader.analyse.RuleSet;
import java.util.List;

/** List the rules {@link PythonAnalyzer} checks Python code against. */
public final class PythonRuleSet implements RuleSet {

    @Override
    public List<RuleInfo> rules() {
        return PythonAnalyzer.rules();
    }
}
