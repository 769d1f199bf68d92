package com.meetmates.signaling.chat;

/**
 * The cluster-wide online count as this node knows it: the last observed cluster count, corrected by how
 * this node's own count moved since, so a new socket is told a current figure without a cluster call.
 */
final class OnlineUsers {

  private int observedCluster;
  private int localAtObservation;

  synchronized void observe(int clusterCount, int localNow) {
    observedCluster = clusterCount;
    localAtObservation = localNow;
  }

  synchronized int estimate(int localNow) {
    return Math.max(localNow, observedCluster - localAtObservation + localNow);
  }
}
