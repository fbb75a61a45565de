package dev.credence.web;

import jakarta.ws.rs.ClientErrorException;

/** 409: the request clashes with what is stored (a duplicate, a stale version). */
public class ConflictException extends ClientErrorException {
    public ConflictException(String detail) {
        super(detail, 409);
    }
}
