package dev.grader.analyse.python;

import java.util.ArrayList;
import java.util.List;

/** Recognise calls to a parent class's method in a method body. */
final class Calls {

    private Calls() {
    }

    /**
     * Hold a method of a Process subclass that overrides its parent's without calling it.
     *
     * @param cls the {@code ClassDef}
     * @param method the {@code FunctionDef}
     */
    record Overriding(PyNode cls, PyNode method) {}

    /** Return the methods of the given name, in Process subclasses, that never call the parent's. */
    static List<Overriding> processOverridesWithoutParent(Model model, String name) {
        List<Overriding> out = new ArrayList<>();
        for (Model.ClassInfo c : model.classes) {
            if (!c.process()) {
                continue;
            }
            for (PyNode m : c.def().nodes("body")) {
                if (m.is("FunctionDef") && name.equals(m.text("name")) && !callsParent(m, name)) {
                    out.add(new Overriding(c.def(), m));
                }
            }
        }
        return out;
    }

    /**
     * Return true when a method calls the parent's method of the given name: {@code super().name(...)},
     * {@code super(C, self).name(...)} or {@code Base.name(self, ...)}.
     */
    static boolean callsParent(PyNode method, String name) {
        for (PyNode n : method.walk()) {
            if (!n.is("Call") || n.node("func") == null || !n.node("func").is("Attribute")
                    || !name.equals(n.node("func").text("attr"))) {
                continue;
            }
            PyNode base = n.node("func").node("value");
            if (base.is("Call") && base.node("func") != null && base.node("func").is("Name")
                    && "super".equals(base.node("func").text("id"))) {
                return true;
            }
            if ((base.is("Name") || base.is("Attribute")) && !n.nodes("args").isEmpty()
                    && n.nodes("args").get(0).is("Name") && "self".equals(n.nodes("args").get(0).text("id"))) {
                return true;
            }
        }
        return false;
    }
}
