package dev.credence.annotation;

import java.util.ArrayList;
import java.util.List;

/** A comment with its replies, oldest first, to any depth. */
public record CommentThread(ClaimComment comment, List<CommentThread> replies) {
    /** Indentation stops here on the page; deeper replies still say whom they answer. */
    static final int MAX_INDENT = 4;

    /** A comment in reading order with its depth (0 for a thread's first comment). */
    public record Row(ClaimComment comment, int depth) {
        public int indent() {
            return Math.min(depth, MAX_INDENT);
        }
    }

    /** The threads flattened depth-first, each reply right after what it answers. */
    public static List<Row> rows(List<CommentThread> threads) {
        List<Row> out = new ArrayList<>();
        for (CommentThread t : threads) {
            t.flatten(0, out);
        }
        return out;
    }

    private void flatten(int depth, List<Row> out) {
        out.add(new Row(comment, depth));
        for (CommentThread r : replies) {
            r.flatten(depth + 1, out);
        }
    }
}
