package com.meetmates.signaling.deploy;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in for the signaling node in tests of local-cluster.sh: started the same way (PORT and
 * CLUSTER_CONFIG from the environment), it is a real Hazelcast member of the script's cluster and
 * answers /health and /ready, plus what the tests ask: its port (at /node), its member count, a
 * variable of its environment, and a drain switch that turns /ready false.
 */
public final class StandInNode {
  private static final int OK = 200;
  private static final int UNAVAILABLE = 503;

  private StandInNode() {
  }

  public static void main(String[] args) {
    try {
      start();
    } catch (IOException | RuntimeException e) {
      // As the real node: a node that cannot start exits, it does not linger half-started.
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void start() throws IOException {
    int port = Integer.parseInt(System.getenv("PORT"));
    Config config = Config.loadFromFile(new File(System.getenv("CLUSTER_CONFIG")));
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    AtomicBoolean draining = new AtomicBoolean();

    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      member.getLifecycleService().terminate();
      throw e;
    }
    server.createContext("/health", exchange -> reply(exchange, OK, "ok"));
    server.createContext("/ready", exchange -> reply(exchange,
        draining.get() || !member.getLifecycleService().isRunning() ? UNAVAILABLE : OK, "ready"));
    server.createContext("/node", exchange -> reply(exchange, OK, String.valueOf(port)));
    server.createContext("/members", exchange ->
        reply(exchange, OK, String.valueOf(member.getCluster().getMembers().size())));
    server.createContext("/env", exchange -> {
      String name = exchange.getRequestURI().getQuery().replaceFirst("^name=", "");
      String value = System.getenv(name);
      reply(exchange, OK, value == null ? "" : value);
    });
    server.createContext("/drain", exchange -> {
      draining.set(true);
      reply(exchange, OK, "draining");
    });
    server.start();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      draining.set(true);
      server.stop(0);
      member.shutdown();
    }, "stand-in-shutdown"));
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
