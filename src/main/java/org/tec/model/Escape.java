package org.tec.model;

/** What an exposure ended early did to the client: was it an escape, and what became of the belief. */
public record Escape(boolean escaped, double clientDistress, double fearBefore, double fearAfter) {}
