import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Q5: the pool is never shut down, so the program never ends
class Q5 {
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    static List<Integer> squares(List<Integer> numbers) throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int n : numbers) {
            futures.add(POOL.submit(() -> n * n));
        }
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(squares(List.of(1, 2, 3, 4)));
    }
}
