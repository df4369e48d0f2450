import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoolTest {
    @Test
    void squares() {
        assertEquals(4, 2 * 2);
    }
}
