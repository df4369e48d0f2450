// Q5: keeps every array it allocates
class Q5 {
    public static void main(String[] args) {
        java.util.List<long[]> kept = new java.util.ArrayList<>();
        while (true) {
            kept.add(new long[1 << 20]);
        }
    }
}
