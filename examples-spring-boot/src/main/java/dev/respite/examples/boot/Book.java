package dev.respite.examples.boot;

/** A book of the catalog, as stored in the hash {@code book:<isbn>}. */
public record Book(String isbn, String title, String author) {}
