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
// case: Futures made in a stream by an expression lambda, then read
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

class C {
    public static void main(String[] args) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        List<Future<Integer>> fs = List.of(1, 2).stream().map(n -> ex.submit(() -> n * n)).collect(Collectors.toList());
        for (Future<Integer> f : fs) {
            System.out.println(f.get());
        }
        ex.shutdown();
        ex.awaitTermination(5, TimeUnit.SECONDS);
    }
}
