// Q1
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class Main {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        System.out.println(pool.submit(() -> 6 * 7).get());
        pool.shutdown();
    }
}
