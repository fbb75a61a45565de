package dev.credence.review.adjudication;

import dev.credence.web.ConflictException;

/** 409: finishing adjudication while items have nothing in gold, without the adjudicator's confirmation. */
public class OpenItemsException extends ConflictException {
    public final long open;

    public OpenItemsException(long open) {
        super(open + (open == 1 ? " item is" : " items are") + " still open (nothing in gold for "
                + (open == 1 ? "it" : "them") + "); confirm to finish anyway");
        this.open = open;
    }
}
