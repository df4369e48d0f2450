// Q1
class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            ts[i] = new Thread(() -> System.out.println(7));
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}
