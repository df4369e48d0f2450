import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

// Q3: tries to read other students' files and the host's secrets, and to reach the network
class Q3 {
    public static void main(String[] args) throws Exception {
        for (String p : new String[] {"/etc/shadow", "@SECRET_FILE@"}) {
            try {
                System.out.println("read " + p + ": " + Files.readString(Path.of(p)));
            } catch (Exception e) {
                System.out.println("cannot read " + p);
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", @PORT@), 1000);
            System.out.println("connected");
        } catch (Exception e) {
            System.out.println("no network");
        }
        Thread t = new Thread(() -> System.out.println("worker"));
        t.start();
        t.join();
    }
}
