final class Util {
    static int square(int n) {
        return n * n;
    }
}
