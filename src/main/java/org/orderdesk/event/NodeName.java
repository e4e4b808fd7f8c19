package org.orderdesk.event;

/** This application node's name among the nodes of a cluster: unique per running process. */
public record NodeName(String value) {

    @Override
    public String toString() {
        return value;
    }
}
