package dev.credence.web;

import jakarta.ws.rs.ClientErrorException;

/** 422: the request is well-formed but names offsets outside the text, unknown grades or types. */
public class UnprocessableException extends ClientErrorException {
    public UnprocessableException(String detail) {
        super(detail, 422);
    }
}
