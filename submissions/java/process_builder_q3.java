// Q3: a child process instead of a thread, waited for
class Q3 {
    public static void main(String[] args) throws Exception {
        Process child = new ProcessBuilder("echo", "hello from a child process").inheritIO().start();
        int code = child.waitFor();
        System.out.println("the child exited with " + code);
    }
}
