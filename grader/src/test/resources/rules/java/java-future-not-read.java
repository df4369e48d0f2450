// Fixture for java-future-not-read.
// case: the Future of submit() dropped, and one kept but never read
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class A {
    public static void main(String[] args) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        ex.submit(() -> System.out.println(1)); // expect: java-future-not-read
        Future<?> f = ex.submit(() -> System.out.println(2)); // expect: java-future-not-read
        ex.shutdown();
        ex.awaitTermination(5, TimeUnit.SECONDS);
    }
}
// case: every Future read
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class B {
    public static void main(String[] args) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        Future<Integer> f = ex.submit(() -> 2);
        System.out.println(f.get());
        ex.shutdown();
    }
}
