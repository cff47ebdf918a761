package org.tec.output;

/** Which trajectory rows an output with {@code every D} keeps: every stride-th row, and always the last. */
final class Rows {
    private Rows() {}

    static int[] sampled(int rows, int stride) {
        if (rows == 0) return new int[0];
        int n = (rows - 1) / stride + 1;
        boolean lastOnGrid = (rows - 1) % stride == 0;
        int[] out = new int[lastOnGrid ? n : n + 1];
        for (int k = 0; k < n; k++) out[k] = k * stride;
        if (!lastOnGrid) out[n] = rows - 1;
        return out;
    }
}
