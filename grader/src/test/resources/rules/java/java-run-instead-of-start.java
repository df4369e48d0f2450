// Fixture for java-run-instead-of-start.
// case: run() called on a thread
class A {
    public static void main(String[] args) {
        Thread t = new Thread(() -> System.out.println(1));
        t.run(); // expect: java-run-instead-of-start
    }
}
// case: a Runnable's own run() is just a method
class B {
    public static void main(String[] args) {
        Runnable r = () -> System.out.println(1);
        r.run();
    }
}
