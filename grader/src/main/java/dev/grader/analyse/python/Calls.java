package dev.grader.analyse.python;

/** Recognise calls to a parent class's method in a method body. */
final class Calls {

    private Calls() {
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
