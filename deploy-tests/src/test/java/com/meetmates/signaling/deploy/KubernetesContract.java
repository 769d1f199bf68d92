package com.meetmates.signaling.deploy;

/** Numbers the chart, the image and the Hazelcast Kubernetes configuration must agree on. */
final class KubernetesContract {
  static final int HAZELCAST_PORT = 5701;
  static final int HTTP_PORT = 3001;
  static final int DEFAULT_TERMINATION_GRACE_SECONDS = 45;

  private KubernetesContract() {
  }
}
