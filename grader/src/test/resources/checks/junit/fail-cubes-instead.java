// Q1
// evidence: Squares.of(1, 2, 3)
import java.util.ArrayList;
import java.util.List;

class Squares {
    static List<Integer> of(List<Integer> numbers) {
        List<Integer> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(n * n * n);
        }
        return out;
    }

    public static void main(String[] args) {
        System.out.println(of(List.of(1, 2, 3)));
    }
}
