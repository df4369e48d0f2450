// Q1
class Main {
    public static void main(String[] args) throws InterruptedException {
        int[] squares = new int[3];
        Thread t = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                squares[i] = (i + 1) * (i + 1);
            }
        });
        t.start();
        t.join();
        System.out.println(java.util.Arrays.toString(squares));
    }
}
