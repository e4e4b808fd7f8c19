package org.orderdesk.preferences;

/** A column the grid is sorted by, and in which direction. */
public record SortColumn(String key, boolean descending) {}
