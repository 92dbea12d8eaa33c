package dev.ankiconnect.template;

import java.util.ArrayDeque;
import java.util.Deque;

/** Minimal BLAKE3 hash (default mode, 32-byte output); the hint filter derives DOM ids from it. */
final class Blake3 {
    private Blake3() {}

    private static final int[] IV = {
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
    };
    private static final int[] PERM = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
    private static final int CHUNK_START = 1;
    private static final int CHUNK_END = 2;
    private static final int PARENT = 4;
    private static final int ROOT = 8;
    private static final int BLOCK_LEN = 64;
    private static final int CHUNK_LEN = 1024;

    /** The 32-byte BLAKE3 digest of {@code input}. */
    static byte[] hash(byte[] input) {
        int chunks = Math.max(1, (input.length + CHUNK_LEN - 1) / CHUNK_LEN);
        Deque<int[]> stack = new ArrayDeque<>();
        for (int c = 0; c < chunks - 1; c++) {
            int[] cv = chunkOutput(input, c).chainingValue();
            long total = c + 1;
            // merge completed subtrees: one merge per trailing zero bit of the chunk count
            while ((total & 1) == 0) {
                cv = parentOutput(stack.pop(), cv).chainingValue();
                total >>= 1;
            }
            stack.push(cv);
        }
        Output out = chunkOutput(input, chunks - 1);
        while (!stack.isEmpty()) {
            out = parentOutput(stack.pop(), out.chainingValue());
        }
        int[] words = compress(out.cv, out.block, 0, out.blockLen, out.flags | ROOT);
        byte[] digest = new byte[32];
        for (int i = 0; i < 8; i++) {
            for (int b = 0; b < 4; b++) {
                digest[i * 4 + b] = (byte) (words[i] >>> (8 * b));
            }
        }
        return digest;
    }

    private record Output(int[] cv, int[] block, long counter, int blockLen, int flags) {
        int[] chainingValue() {
            int[] w = compress(cv, block, counter, blockLen, flags);
            int[] r = new int[8];
            System.arraycopy(w, 0, r, 0, 8);
            return r;
        }
    }

    private static Output chunkOutput(byte[] input, int chunk) {
        int start = chunk * CHUNK_LEN;
        int len = Math.min(CHUNK_LEN, input.length - start);
        int blocks = Math.max(1, (len + BLOCK_LEN - 1) / BLOCK_LEN);
        int[] cv = IV.clone();
        for (int b = 0; b < blocks; b++) {
            int off = start + b * BLOCK_LEN;
            int blen = Math.min(BLOCK_LEN, start + len - off);
            int[] words = blockWords(input, off, Math.max(blen, 0));
            int flags = (b == 0 ? CHUNK_START : 0);
            if (b == blocks - 1) {
                return new Output(cv, words, chunk, Math.max(blen, 0), flags | CHUNK_END);
            }
            int[] w = compress(cv, words, chunk, BLOCK_LEN, flags);
            cv = new int[8];
            System.arraycopy(w, 0, cv, 0, 8);
        }
        throw new IllegalStateException("unreachable");
    }

    private static Output parentOutput(int[] left, int[] right) {
        int[] block = new int[16];
        System.arraycopy(left, 0, block, 0, 8);
        System.arraycopy(right, 0, block, 8, 8);
        return new Output(IV, block, 0, BLOCK_LEN, PARENT);
    }

    private static int[] blockWords(byte[] in, int off, int len) {
        int[] w = new int[16];
        for (int i = 0; i < len; i++) {
            w[i >> 2] |= (in[off + i] & 0xFF) << (8 * (i & 3));
        }
        return w;
    }

    private static int[] compress(int[] cv, int[] block, long counter, int blockLen, int flags) {
        int[] s = {
            cv[0],
            cv[1],
            cv[2],
            cv[3],
            cv[4],
            cv[5],
            cv[6],
            cv[7],
            IV[0],
            IV[1],
            IV[2],
            IV[3],
            (int) counter,
            (int) (counter >>> 32),
            blockLen,
            flags
        };
        int[] m = block.clone();
        for (int r = 0; r < 7; r++) {
            g(s, 0, 4, 8, 12, m[0], m[1]);
            g(s, 1, 5, 9, 13, m[2], m[3]);
            g(s, 2, 6, 10, 14, m[4], m[5]);
            g(s, 3, 7, 11, 15, m[6], m[7]);
            g(s, 0, 5, 10, 15, m[8], m[9]);
            g(s, 1, 6, 11, 12, m[10], m[11]);
            g(s, 2, 7, 8, 13, m[12], m[13]);
            g(s, 3, 4, 9, 14, m[14], m[15]);
            int[] p = new int[16];
            for (int i = 0; i < 16; i++) {
                p[i] = m[PERM[i]];
            }
            m = p;
        }
        for (int i = 0; i < 8; i++) {
            s[i] ^= s[i + 8];
            s[i + 8] ^= cv[i];
        }
        return s;
    }

    private static void g(int[] s, int a, int b, int c, int d, int x, int y) {
        s[a] = s[a] + s[b] + x;
        s[d] = Integer.rotateRight(s[d] ^ s[a], 16);
        s[c] = s[c] + s[d];
        s[b] = Integer.rotateRight(s[b] ^ s[c], 12);
        s[a] = s[a] + s[b] + y;
        s[d] = Integer.rotateRight(s[d] ^ s[a], 8);
        s[c] = s[c] + s[d];
        s[b] = Integer.rotateRight(s[b] ^ s[c], 7);
    }
}
