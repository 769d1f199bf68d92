package com.meetmates.signaling.e2e;

import java.net.URI;

/** Two signaling nodes of one cluster, each serving the demo page. */
final class TwoNodeCluster implements AutoCloseable {

  private final URI nodeA;
  private final URI nodeB;

  private TwoNodeCluster(URI nodeA, URI nodeB) {
    this.nodeA = nodeA;
    this.nodeB = nodeB;
  }

  static TwoNodeCluster start() {
    String[] urls = System.getProperty("e2e.nodes", "").split(",");
    return new TwoNodeCluster(URI.create(urls[0]), URI.create(urls[urls.length - 1]));
  }

  URI nodeA() {
    return nodeA;
  }

  URI nodeB() {
    return nodeB;
  }

  @Override
  public void close() {
  }
}
