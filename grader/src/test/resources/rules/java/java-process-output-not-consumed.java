// Fixture for java-process-output-not-consumed.
// case: waited for, output never read
class A {
    public static void main(String[] args) throws Exception {
        Process p = new ProcessBuilder("ls", "-R", "/").start();
        p.waitFor(); // expect: java-process-output-not-consumed
    }
}
// case: output read before waiting
class B {
    public static void main(String[] args) throws Exception {
        Process p = new ProcessBuilder("ls").start();
        System.out.println(new String(p.getInputStream().readAllBytes()));
        p.waitFor();
    }
}
// case: output inherited
class C {
    public static void main(String[] args) throws Exception {
        Process p = new ProcessBuilder("ls").inheritIO().start();
        p.waitFor();
    }
}
