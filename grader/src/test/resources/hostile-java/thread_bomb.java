// Q6: starts threads until the machine gives up
class Q6 {
    public static void main(String[] args) {
        while (true) {
            new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
            }).start();
        }
    }
}
