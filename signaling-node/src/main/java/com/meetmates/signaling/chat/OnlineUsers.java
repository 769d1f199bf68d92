package com.meetmates.signaling.chat;

/**
 * The cluster-wide online count as this node knows it: the last observed cluster count, corrected by how
 * this node's own count moved since, so a new socket is told a current figure without a cluster call.
 */
final class OnlineUsers {

  private int observedCluster;
  private int localAtObservation;
  private int lastPublished = -1;

  /** Records a fresh cluster count; returns true if it differs from the last one published. */
  synchronized boolean observe(int clusterCount, int localNow) {
    observedCluster = clusterCount;
    localAtObservation = localNow;
    if (clusterCount == lastPublished) {
      return false;
    }
    lastPublished = clusterCount;
    return true;
  }

  synchronized int estimate(int localNow) {
    return Math.max(localNow, observedCluster - localAtObservation + localNow);
  }
}
