package dev.credence.review.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OptimalAssignmentTest {

    @Test
    void emptyAndSingle() {
        assertArrayEquals(new int[0], OptimalAssignment.maximise(new double[0][0]));
        assertArrayEquals(new int[] {-1, -1}, OptimalAssignment.maximise(new double[2][0]));
        assertArrayEquals(new int[] {0}, OptimalAssignment.maximise(new double[][] {{0.7}}));
        // a weight of 0 is no edge
        assertArrayEquals(new int[] {-1}, OptimalAssignment.maximise(new double[][] {{0}}));
    }

    @Test
    void beatsTheBestFirstPick() {
        // best-first would take (0,0)=9 and then (1,1)=1: total 10; optimal is 8 + 8 = 16
        double[][] w = {{9, 8}, {8, 1}};
        assertArrayEquals(new int[] {1, 0}, OptimalAssignment.maximise(w));
    }

    @Test
    void rectangularBothWays() {
        double[][] wide = {{1, 5, 2}, {4, 6, 0}};
        assertArrayEquals(new int[] {1, 0}, OptimalAssignment.maximise(wide)); // 5 + 4 > 6 + 1
        double[][] tall = {{1, 4}, {5, 6}, {2, 0}};
        assertArrayEquals(new int[] {1, 0, -1}, OptimalAssignment.maximise(tall)); // 4 + 5 > 6 + 1
    }

    @Test
    void tiesGoToTheEarlierColumn() {
        assertArrayEquals(new int[] {0}, OptimalAssignment.maximise(new double[][] {{3, 3}}));
        assertArrayEquals(new int[] {0, -1}, OptimalAssignment.maximise(new double[][] {{3}, {3}}));
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            double[][] w = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w[i][j] = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
                }
            }
            int[] a = OptimalAssignment.maximise(w);
            boolean[] taken = new boolean[cols];
            for (int c : a) {
                if (c >= 0) {
                    assertEquals(false, taken[c], "one-to-one");
                    taken[c] = true;
                }
            }
            assertEquals(brute(w, 0, new boolean[cols]), total(w, a), 1e-9);
        }
    }

    private static double total(double[][] w, int[] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0) {
                sum += w[i][a[i]];
            }
        }
        return sum;
    }

    private static double brute(double[][] w, int row, boolean[] used) {
        if (row == w.length) {
            return 0;
        }
        double best = brute(w, row + 1, used);
        for (int c = 0; c < used.length; c++) {
            if (!used[c] && w[row][c] > 0) {
                used[c] = true;
                best = Math.max(best, w[row][c] + brute(w, row + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
