package com.meetmates.signaling.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** A clustered Vert.x instance with its Hazelcast member: what one node of the cluster runs on. */
public record ClusterNode(Vertx vertx, HazelcastInstance hazelcast, String nodeId) {

  /** Starts Vert.x clustered over a Hazelcast member built from the given configuration. */
  public static Future<ClusterNode> start(VertxOptions options, Config hazelcastConfig) {
    return start(Vertx.builder(), options, hazelcastConfig);
  }

  /** The same, with Vert.x reporting its own figures (event bus, HTTP, pools) through the given metrics. */
  public static Future<ClusterNode> start(VertxOptions options, Config hazelcastConfig, VertxMetricsFactory metrics) {
    return start(Vertx.builder().withMetrics(metrics), options, hazelcastConfig);
  }

  private static Future<ClusterNode> start(VertxBuilder builder, VertxOptions options, Config hazelcastConfig) {
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(hazelcastConfig);
    return builder.with(options).withClusterManager(clusterManager).buildClustered()
        .map(vertx -> new ClusterNode(vertx, clusterManager.getHazelcastInstance(), clusterManager.getNodeId()));
  }

  /** Leaves the cluster gracefully (Vert.x shuts its Hazelcast member down). */
  public Future<Void> close() {
    return vertx.close();
  }
}
