package com.meetmates.signaling.chat;

/**
 * Delivers to a socket on whatever node holds it. Deliveries from one node to one socket arrive in the
 * order they were sent; a delivery to a socket that is gone is dropped.
 */
public interface Router {

  /** The id of this node, as stored in the shared state. */
  String localNode();

  void send(String nodeId, String socketId, Delivery delivery);
}
