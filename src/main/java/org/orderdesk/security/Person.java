package org.orderdesk.security;

/** A user as other users know them: the login name and the name shown ("Alice"). */
public record Person(String username, String displayName) {}
