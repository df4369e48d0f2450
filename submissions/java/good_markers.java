import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

// Q3
class Q3 {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println("hello from " + Thread.currentThread().getName()));
        t.start();
        t.join();
        System.out.println("main: the thread has finished");
    }
}

// Q5
class Q5 {
    static List<Integer> squares(List<Integer> numbers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int n : numbers) {
                futures.add(pool.submit(() -> n * n));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(squares(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
    }
}

// Q6
public class Assignment {
    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int number = i * 10;
            threads.add(new Thread(() -> System.out.println(number)));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
