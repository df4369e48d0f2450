// Fixture for java-join-before-start.
// case: join before start
class A {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println(1));
        t.join(); // expect: java-join-before-start
        t.start();
        t.join();
    }
}
// case: start then join
class B {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println(1));
        t.start();
        t.join();
    }
}
