// Q1
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class Main {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int answer = pool.submit(() -> 6 * 7).get();
        pool.shutdown();
        System.out.println(answer);
    }
}
