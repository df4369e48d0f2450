// Fixture for java-thread-not-joined.
// case: started, never joined
class A {
    public static void main(String[] args) {
        Thread t = new Thread(() -> System.out.println(1));
        t.start(); // expect: java-thread-not-joined
    }
}
// case: a Thread subclass started, never joined
class Worker extends Thread {
    public void run() {
        System.out.println("w");
    }

    public static void main(String[] args) {
        Worker w = new Worker();
        w.start(); // expect: java-thread-not-joined
    }
}
// case: started and joined
class B {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println(1));
        t.start();
        t.join();
    }
}
// case: kept in a list and joined in a later loop
import java.util.ArrayList;
import java.util.List;

class C {
    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread t = new Thread(() -> System.out.println(n));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
// case: started with no reference kept, so it cannot be joined
class D {
    public static void main(String[] args) {
        for (int i = 0; i < 4; i++) {
            int n = i;
            new Thread(() -> System.out.println(n)).start(); // expect: java-thread-not-joined
        }
    }
}
// case: a new thread handed to a list is not started here
import java.util.ArrayList;
import java.util.List;

class E {
    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> System.out.println(1)));
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
