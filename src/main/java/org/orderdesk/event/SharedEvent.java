package org.orderdesk.event;

/**
 * A live event that every node of a cluster hands to its subscribers, not only the node where it
 * happened. A record of plain values (strings, numbers, instants and records of those), so that
 * it travels between nodes as a few hundred bytes of JSON.
 */
public interface SharedEvent extends LiveEvent {}
