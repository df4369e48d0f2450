public class Q6 {
    static class Printer implements Runnable {
        private final int number;

        Printer(int number) {
            this.number = number;
        }

        @Override
        public void run() {
            System.out.println("number " + number);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int i = 0; i < 4; i++) {
            threads[i] = new Thread(new Printer(i + 1), "printer-" + (i + 1));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
