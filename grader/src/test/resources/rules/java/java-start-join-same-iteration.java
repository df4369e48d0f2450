// Fixture for java-start-join-same-iteration.
// case: created, started and joined in one iteration
class A {
    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread t = new Thread(() -> System.out.println(n));
            t.start();
            t.join(); // expect: java-start-join-same-iteration
        }
    }
}
// case: over a list, in one loop
import java.util.List;

class B {
    static void runAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.start();
            t.join(); // expect: java-start-join-same-iteration
        }
    }
}
// case: started in one loop, joined in another
import java.util.List;

class C {
    static void runAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
