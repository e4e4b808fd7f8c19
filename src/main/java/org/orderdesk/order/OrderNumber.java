package org.orderdesk.order;

/** An order's id with the number people know it by, without loading the order. */
record OrderNumber(long id, String orderNumber) {}
