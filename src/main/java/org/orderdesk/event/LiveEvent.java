package org.orderdesk.event;

/**
 * Something other sessions should learn about at once. Services publish these with Spring's
 * {@code ApplicationEventPublisher}; {@link EventBroadcaster} hands them to subscribers only after
 * the publishing transaction has committed.
 */
public interface LiveEvent {}
