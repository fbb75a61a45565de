package dev.credence.source;

import dev.credence.web.ConflictException;

/** 409: a name or alias already names a registry entry; pages link to it. */
public class DuplicateSourceException extends ConflictException {
    public final transient Source existing;

    public DuplicateSourceException(String name, Source existing) {
        super("'" + name + "' is already in the registry as " + existing.name);
        this.existing = existing;
    }
}
