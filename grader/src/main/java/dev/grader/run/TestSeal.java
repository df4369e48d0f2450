package dev.grader.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seal the outcomes of a run of instructor tests, so that the answer's code, which runs in that run, cannot forge
 * them: each run gets a key derived from a secret of this grader process and the run's key; the test runner learns
 * it only once the answer's code can no longer read it, and seals each outcome with it.
 */
public final class TestSeal {

    private static final byte[] SECRET = new SecureRandom().generateSeed(32);

    private TestSeal() {
    }

    /** Return the key of a run of tests, in hex, to hand to its test runner. */
    public static String key(String runKey) {
        return HexFormat.of().formatHex(hmac(SECRET, runKey));
    }

    /** Return true when an outcome was sealed with the key of that run. */
    public static boolean verify(String runKey, Trace.TestOutcome o) {
        if (o.seal() == null) {
            return false;
        }
        String text = o.name() + "\n" + o.status() + "\n" + (o.message() == null ? "" : o.message());
        byte[] want = hmac(HexFormat.of().parseHex(key(runKey)), text);
        byte[] got;
        try {
            got = HexFormat.of().parseHex(o.seal());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(want, got);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
