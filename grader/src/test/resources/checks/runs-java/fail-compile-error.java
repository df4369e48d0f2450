// Q1
// evidence: compile error at fail-compile-error.java line 5
class Main {
    public static void main(String[] args) {
        System.out.println("unclosed")
    }
}
