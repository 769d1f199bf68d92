package com.meetmates.loadtests.driver;

import com.meetmates.loadtests.ceiling.BareForwarder;
import com.meetmates.loadtests.protocol.SocketIoFrames;
import com.meetmates.loadtests.protocol.WebRtcPayloads;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The pairs that live on one driver event loop: it sets them up one at a time when asked, then
 * sends relayed messages at its share of the offered rate and records one-way latency at the
 * receiving peer from the timestamp the sender put in the payload.
 */
final class RelayGroup extends VerticleBase {

  /** Clients are many per host here; -1 is not an option (it hangs connects in Vert.x 5.0.7). */
  private static final int MAX_CONNECTIONS_PER_CLIENT = 100_000;
  private static final long SEND_TICK_MILLIS = 1;
  private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int SIGNIFICANT_DIGITS = 3;
  /** The timestamp travels as the candidate foundation, which any server relays untouched. */
  private static final String TIMESTAMP_MARKER = "\"candidate:";

  private final RelayOptions options;
  private final long epochNanos;
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<Peer> peers = new ArrayList<>();
  private final Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  private final String framePrefix;
  private final String frameSuffix;
  private int nextClient;
  private long sent;
  private long received;
  private long receivedInWindow;
  private long recordFrom;
  private long recordUntil;
  private boolean sending;

  RelayGroup(RelayOptions options, long epochNanos) {
    this.options = options;
    this.epochNanos = epochNanos;
    String sample = SocketIoFrames.event("ice-candidate", new JsonObject().put("candidate", WebRtcPayloads.candidate(1)));
    int foundation = sample.indexOf("candidate:") + "candidate:".length();
    int afterFoundation = sample.indexOf(' ', foundation);
    framePrefix = sample.substring(0, foundation);
    frameSuffix = sample.substring(afterFoundation);
  }

  @Override
  public Future<?> start() {
    List<String> sources = options.localAddresses().isEmpty() ? List.of("") : options.localAddresses();
    for (String source : sources) {
      WebSocketClientOptions clientOptions = new WebSocketClientOptions()
          .setMaxConnections(MAX_CONNECTIONS_PER_CLIENT)
          .setTcpNoDelay(true);
      if (!source.isEmpty()) {
        clientOptions.setLocalAddress(source);
      }
      clients.add(vertx.createWebSocketClient(clientOptions));
    }
    return Future.succeededFuture();
  }

  /** Sets up one pair on this group's event loop; safe to call from any thread. */
  Future<PairTimings> setUpPair(int index, String targetA, String targetB) {
    Promise<PairTimings> done = Promise.promise();
    context.runOnContext(ignored -> (options.protocol() == Protocol.RAW
        ? setUpRawPair(index, targetA, targetB)
        : setUpSocketIoPair(targetA, targetB)).onComplete(done));
    return done.future();
  }

  /**
   * Starts sending at {@code ratePerSecond} (or saturating), records latency of messages sent in
   * [recordFrom, recordUntil), stops sending at recordUntil and completes once every message sent
   * has arrived or the drain timeout passed.
   */
  Future<GroupResult> relay(double ratePerSecond, long recordFromNanos, long recordUntilNanos) {
    Promise<GroupResult> done = Promise.promise();
    context.runOnContext(ignored -> {
      recordFrom = recordFromNanos - epochNanos;
      recordUntil = recordUntilNanos - epochNanos;
      sending = true;
      for (Peer peer : peers) {
        peer.relayHandler(frame -> onRelayed(peer, frame));
      }
      if (options.saturating()) {
        for (Peer peer : peers) {
          for (int i = 0; i < options.window(); i++) {
            sendFrom(peer);
          }
        }
      }
      long start = System.nanoTime();
      int[] next = {0};
      long timer = vertx.setPeriodic(SEND_TICK_MILLIS, id -> {
        long now = System.nanoTime();
        if (now - epochNanos >= recordUntil) {
          sending = false;
          vertx.cancelTimer(id);
          awaitDrain(now, done);
          return;
        }
        if (!options.saturating()) {
          long due = (long) (ratePerSecond * (now - start) / TimeUnit.SECONDS.toNanos(1));
          while (sent < due) {
            sendFrom(peers.get(next[0]++ % peers.size()));
          }
        }
      });
      if (peers.isEmpty()) {
        vertx.cancelTimer(timer);
        done.complete(new GroupResult(latency.copy(), 0, 0, 0));
      }
    });
    return done.future();
  }

  Future<Void> closeAll() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(ignored -> Future.join(peers.stream().map(Peer::close).toList())
        .<Void>mapEmpty().onComplete(closed -> done.complete()));
    return done.future();
  }

  @Override
  public Future<?> stop() {
    return Future.join(clients.stream().map(WebSocketClient::close).toList());
  }

  private void sendFrom(Peer peer) {
    long timestamp = System.nanoTime() - epochNanos;
    peer.send(framePrefix + timestamp + frameSuffix);
    sent++;
  }

  private void onRelayed(Peer receiver, String frame) {
    long now = System.nanoTime() - epochNanos;
    long sentAt = SocketIoFrames.digitsAfter(frame, TIMESTAMP_MARKER);
    received++;
    if (sentAt >= recordFrom && sentAt < recordUntil) {
      latency.recordValue(Math.min(now - sentAt, HIGHEST_TRACKABLE_NANOS));
      receivedInWindow++;
    }
    if (sending && options.saturating()) {
      // Each arrival frees one slot of the sender's window.
      sendFrom(receiver.partner());
    }
  }

  private void awaitDrain(long stoppedAt, Promise<GroupResult> done) {
    if (received >= sent || System.nanoTime() - stoppedAt > RelayOptions.DRAIN_TIMEOUT.toNanos()) {
      done.complete(new GroupResult(latency.copy(), sent, received, receivedInWindow));
      return;
    }
    vertx.setTimer(SEND_TICK_MILLIS, id -> awaitDrain(stoppedAt, done));
  }

  private Future<Peer> connect(String target, String path) {
    URI uri = URI.create(target);
    WebSocketClient client = clients.get(nextClient++ % clients.size());
    return client.connect(new WebSocketConnectOptions()
            .setHost(uri.getHost())
            .setPort(uri.getPort())
            .setURI(path))
        .map(socket -> {
          Peer peer = new Peer(socket, options.protocol());
          peers.add(peer);
          return peer;
        });
  }

  private Future<PairTimings> setUpRawPair(int index, String targetA, String targetB) {
    String path = BareForwarder.PAIR_PATH_PREFIX + index;
    return connect(targetA, path).compose(a -> connect(targetB, path).compose(b -> {
      a.partner(b);
      b.partner(a);
      Promise<String> hello = Promise.promise();
      b.relayHandler(hello::tryComplete);
      a.send("hello " + index);
      return hello.future().map(frame -> new PairTimings(0, 0));
    }));
  }

  private Future<PairTimings> setUpSocketIoPair(String targetA, String targetB) {
    return connect(targetA, SocketIoFrames.WEBSOCKET_PATH).compose(a -> a.connected().compose(sidA -> {
      a.emit("findChat", null, true);
      return a.next("waiting");
    }).compose(waitingA -> connect(targetB, SocketIoFrames.WEBSOCKET_PATH)).compose(b -> b.connected().compose(sidB -> {
      long findChatAt = System.nanoTime();
      Future<JsonArray> chatStartB = b.next("chatStart");
      b.emit("findChat", null, true);
      return chatStartB.map(args -> System.nanoTime() - findChatAt)
          .compose(matchNanos -> a.next("chatStart").compose(args -> {
            expectPartner(a, args, b);
            return negotiate(a, b, matchNanos);
          }));
    })));
  }

  private Future<PairTimings> negotiate(Peer a, Peer b, long matchNanos) {
    a.partner(b);
    b.partner(a);
    Peer initiator = a.sid().compareTo(b.sid()) < 0 ? a : b;
    Peer answerer = initiator.partner();
    Future<JsonArray> createOffer = initiator.next("create-offer");
    a.emit("ready-to-connect");
    b.emit("ready-to-connect");
    return createOffer.compose(ignored -> {
      Future<JsonArray> offer = answerer.next("webrtc-offer");
      long offeredAt = System.nanoTime();
      initiator.emit("webrtc-offer", new JsonObject().put("offer", WebRtcPayloads.offer()));
      return offer.map(args -> {
        long offerNanos = System.nanoTime() - offeredAt;
        String from = args.getJsonObject(1).getString("from");
        if (!initiator.sid().equals(from)) {
          throw new IllegalStateException("offer arrived from " + from + ", expected " + initiator.sid());
        }
        return offerNanos;
      });
    }).compose(offerNanos -> {
      Future<JsonArray> answer = initiator.next("webrtc-answer");
      answerer.emit("webrtc-answer", new JsonObject().put("answer", WebRtcPayloads.answer()));
      return answer.map(args -> new PairTimings(matchNanos, offerNanos));
    });
  }

  private static void expectPartner(Peer peer, JsonArray chatStart, Peer expected) {
    String partnerId = chatStart.getJsonObject(1).getString("partnerId");
    if (!expected.sid().equals(partnerId)) {
      throw new IllegalStateException("socket " + peer.sid() + " was paired with " + partnerId
          + ", expected " + expected.sid() + ": is another client using this server?");
    }
  }
}
