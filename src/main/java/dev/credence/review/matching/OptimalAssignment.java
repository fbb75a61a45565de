package dev.credence.review.matching;

import java.util.Arrays;

/**
 * The maximum-weight one-to-one assignment of rows to columns (Hungarian algorithm,
 * Kuhn–Munkres with potentials, O(n²·m)).
 *
 * <p>Pure and small on purpose: {@link SpanMatcher} feeds it one connected group of
 * overlapping spans at a time. A weight of 0 (or less) means "no edge": such a pair is never
 * part of the answer. Among equally good answers the earlier column wins for an earlier row
 * (rows are placed in order, a later row takes a column from an earlier one only when the
 * total strictly improves), so the result is deterministic.
 */
public final class OptimalAssignment {
    private OptimalAssignment() {
    }

    /**
     * @param weights {@code weights[row][column]}, rectangular (any shape, may be empty)
     * @return for each row the assigned column, or -1 when the row stays unassigned
     */
    public static int[] maximise(double[][] weights) {
        int rows = weights.length;
        int cols = rows == 0 ? 0 : weights[0].length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0 || cols == 0) {
            return result;
        }
        if (rows > cols) {
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = weights[i][j];
                }
            }
            int[] byColumn = maximise(t);
            for (int j = 0; j < cols; j++) {
                if (byColumn[j] >= 0) {
                    result[byColumn[j]] = j;
                }
            }
            return result;
        }
        // rows <= cols: every row gets a column; minimise cost = -weight (non-edges cost 0)
        int n = rows;
        int m = cols;
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[j] = row (1-based) assigned to column j, 0 = none
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost(weights, i0 - 1, j - 1) - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0 && weights[p[j] - 1][j - 1] > 0) {
                result[p[j] - 1] = j - 1;
            }
        }
        return result;
    }

    private static double cost(double[][] weights, int row, int col) {
        double w = weights[row][col];
        return w > 0 ? -w : 0;
    }
}
