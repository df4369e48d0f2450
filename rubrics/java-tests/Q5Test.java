import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Test the answer to Q5: squares computed on a pool of workers, in the order of the input. */
class Q5Test {

    @Test
    void squaresOfOneToFive() throws Exception {
        assertEquals(List.of(1, 4, 9, 16, 25), Q5.squares(List.of(1, 2, 3, 4, 5)), "squares(1, 2, 3, 4, 5)");
    }

    @Test
    void keepsTheOrderOfItsInput() throws Exception {
        assertEquals(List.of(49, 4, 0), Q5.squares(List.of(7, 2, 0)), "squares(7, 2, 0)");
    }
}
