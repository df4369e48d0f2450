// Q1
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class Squares {
    static List<Integer> of(List<Integer> numbers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int n : numbers) {
            futures.add(pool.submit(() -> n * n));
        }
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(of(List.of(1, 2, 3)));
    }
}
