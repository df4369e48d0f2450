// Fixture for java-shutdown-without-await.
// case: shutdown and go on
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class A {
    public static void main(String[] args) {
        ExecutorService ex = Executors.newFixedThreadPool(4);
        ex.execute(() -> System.out.println(1));
        ex.shutdown(); // expect: java-shutdown-without-await
        System.out.println("done");
    }
}
// case: the futures are read, so the tasks are done
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class B {
    public static void main(String[] args) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(4);
        Future<Integer> f = ex.submit(() -> 2);
        System.out.println(f.get());
        ex.shutdown();
    }
}
