// Fixture for java-executor-not-shutdown.
// case: an executor never shut down
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class A {
    public static void main(String[] args) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(4); // expect: java-executor-not-shutdown
        System.out.println(ex.submit(() -> 2).get());
    }
}
// case: shut down and awaited
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

class B {
    public static void main(String[] args) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(4);
        ex.execute(() -> System.out.println(1));
        ex.shutdown();
        ex.awaitTermination(5, TimeUnit.SECONDS);
    }
}
// case: try-with-resources
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class C {
    public static void main(String[] args) throws Exception {
        try (ExecutorService ex = Executors.newFixedThreadPool(2)) {
            System.out.println(ex.submit(() -> 3).get());
        }
    }
}
