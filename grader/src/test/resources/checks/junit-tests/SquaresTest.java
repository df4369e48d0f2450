import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Test the fixture answer: squares computed in order. */
class SquaresTest {

    @Test
    void squaresOfOneToThree() throws Exception {
        assertEquals(List.of(1, 4, 9), Squares.of(List.of(1, 2, 3)), "Squares.of(1, 2, 3)");
    }
}
