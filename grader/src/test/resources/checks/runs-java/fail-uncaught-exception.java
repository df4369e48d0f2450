// Q1
// evidence: java.lang.IllegalStateException: no such number
class Main {
    public static void main(String[] args) {
        throw new IllegalStateException("no such number");
    }
}
