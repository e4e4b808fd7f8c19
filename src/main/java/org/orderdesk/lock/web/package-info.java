/**
 * The edit locks seen from HTTP: which session holds which lock, the release endpoint that a
 * closing tab calls, and release when a session ends. Imports nothing from Vaadin.
 */
@NullMarked
package org.orderdesk.lock.web;

import org.jspecify.annotations.NullMarked;
