package dev.credence.corroboration;

/** How a linked claim relates: says the same (corroborates), the opposite (contradicts), or repeats it word for word. */
public enum LinkRelation {
    corroborates, contradicts, repeats
}
