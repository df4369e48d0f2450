package dev.grader.jrt;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Write the run's events to the trace file, one signed JSON line each, in the format the grader's trace
 * parser reads (the same as the Python tracer's).
 *
 * <p>Runs inside the student's JVM: it depends on {@code java.base} only.
 */
final class Events {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long EPOCH_NANOS = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    private final OutputStream out;
    private final Mac mac;

    private Events(OutputStream out, Mac mac) {
        this.out = out;
        this.mac = mac;
    }

    /** Open the trace named by the environment, or return {@code null} when there is none. */
    static Events open(String path, String key) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            Mac m = null;
            if (key != null && !key.isEmpty()) {
                m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            }
            return new Events(new FileOutputStream(path, true), m);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    /** Return the time now, in seconds since the epoch. */
    static double now() {
        return (EPOCH_NANOS + System.nanoTime()) / 1e9;
    }

    /**
     * Write one event.
     *
     * @param ev the event's name
     * @param fields name, value pairs: strings, numbers, booleans, {@code null} or {@code String[]}
     */
    synchronized void emit(String ev, Object... fields) {
        StringBuilder sb = new StringBuilder(96).append("{\"ev\":");
        string(sb, ev);
        sb.append(",\"t\":").append(now());
        Thread self = Thread.currentThread();
        boolean hasPid = false;
        for (int i = 0; i + 1 < fields.length; i += 2) {
            hasPid |= "pid".equals(fields[i]);
        }
        if (!hasPid) {
            sb.append(",\"pid\":").append(self.getId());
            if (Harness.isMain(self)) {
                sb.append(",\"main\":true");
            }
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            sb.append(',');
            string(sb, (String) fields[i]);
            sb.append(':');
            value(sb, fields[i + 1]);
        }
        String json = sb.append('}').toString();
        try {
            String line = (mac == null ? "" : sign(json) + " ") + json + "\n";
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the trace cannot be written (disk limit): the run goes on untraced
        }
    }

    private String sign(String json) {
        byte[] h = mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
        char[] c = new char[32];
        for (int i = 0; i < 16; i++) {
            c[2 * i] = HEX[(h[i] >> 4) & 15];
            c[2 * i + 1] = HEX[h[i] & 15];
        }
        return new String(c);
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof String[] list) {
            sb.append('[');
            for (int i = 0; i < list.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, list[i]);
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || Character.isSurrogate(ch)
                            && !(Character.isHighSurrogate(ch) && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
