package com.meetmates.signaling.engineio;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session. Its state lives on the Vert.x context that opened it: every change runs
 * there (requests and frames arriving on other event loops hop to it), so handlers see one thread
 * and the order in which packets arrived.
 */
final class Session implements EngineIoSocket {

  private static final Logger log = LoggerFactory.getLogger(Session.class);
  private static final long NO_TIMER = -1;
  private static final long NO_HEARTBEAT = Long.MIN_VALUE;
  private static final String PROBE = "probe";

  private enum State { OPEN, CLOSING, CLOSED }

  private final String id;
  private final Handshake handshake;
  private final EngineIoOptions options;
  private final Vertx vertx;
  private final Context context;
  private final Consumer<Session> onFinished;
  private final OutboundQueue outbound;
  private final Promise<Void> finished = Promise.promise();

  private volatile State state = State.OPEN;
  private volatile Transport transport;
  private volatile boolean upgrading;
  private WebSocketTransport upgradeCandidate;
  /**
   * When the heartbeat next needs this session (System.nanoTime): the next ping, or, while a pong is
   * awaited, the ping timeout. Written on the session's context, read by the server's {@link HeartbeatTicker}.
   */
  private volatile long heartbeatDueNanos = NO_HEARTBEAT;
  private boolean awaitingPong;
  private long upgradeTimer = NO_TIMER;
  private long closeTimer = NO_TIMER;

  private volatile Handler<String> textHandler;
  private volatile Handler<Buffer> binaryHandler;
  private volatile Handler<String> closeHandler;

  Session(String id, Handshake handshake, EngineIoOptions options, Vertx vertx, Context context,
      Consumer<Session> onFinished) {
    this.id = id;
    this.handshake = handshake;
    this.options = options;
    this.vertx = vertx;
    this.context = context;
    this.onFinished = onFinished;
    this.outbound = new OutboundQueue(options.maxBufferedBytes(), options.maxBufferedPackets());
  }

  /** Sends the open packet on the first transport and starts the heartbeat. On the session's context. */
  void start(Transport first) {
    transport = first;
    boolean canUpgrade = Transport.POLLING.equals(first.name()) && options.transports().contains(Transport.WEBSOCKET);
    JsonObject open = new JsonObject()
        .put("sid", id)
        .put("upgrades", canUpgrade ? new JsonArray().add(Transport.WEBSOCKET) : new JsonArray())
        .put("pingInterval", options.pingIntervalMs())
        .put("pingTimeout", options.pingTimeoutMs())
        .put("maxPayload", options.maxPayloadBytes());
    outbound.offer(Packet.open(open.encode()));
    first.flush();
    schedulePing();
    log.debug("sid={} opened over {} from {}", id, first.name(), handshake.remoteAddress());
  }

  /** Runs the task on the session's context: at once if already there, otherwise queued to it in order. */
  void execute(Runnable task) {
    ContextTasks.run(context, () -> runGuarded(task));
  }

  private void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("sid={} internal error, closing the session", id, e);
      close(CloseReason.TRANSPORT_ERROR, false);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transport() {
    return transport.name();
  }

  @Override
  public Handshake handshake() {
    return handshake;
  }

  @Override
  public void send(String text) {
    Packet packet = Packet.message(Objects.requireNonNull(text, "text"));
    execute(() -> enqueue(packet));
  }

  @Override
  public void send(Buffer binary) {
    Packet packet = Packet.message(Objects.requireNonNull(binary, "binary"));
    execute(() -> enqueue(packet));
  }

  @Override
  public EngineIoSocket textHandler(Handler<String> handler) {
    this.textHandler = handler;
    return this;
  }

  @Override
  public EngineIoSocket binaryHandler(Handler<Buffer> handler) {
    this.binaryHandler = handler;
    return this;
  }

  @Override
  public EngineIoSocket closeHandler(Handler<String> handler) {
    this.closeHandler = handler;
    return this;
  }

  @Override
  public void close() {
    execute(() -> close(CloseReason.FORCED_CLOSE, true));
  }

  /** Closes as {@link #close()} and completes once the session is gone. */
  Future<Void> closeAndAwait() {
    close();
    return finished.future();
  }

  @Override
  public boolean isOpen() {
    return state == State.OPEN;
  }

  /** True while a polling session could take a WebSocket upgrade. Any thread. */
  boolean canUpgrade() {
    return state == State.OPEN && transport instanceof PollingTransport && !upgrading;
  }

  /** Whether a poll is waiting for data; on the session's context. */
  boolean hasPendingPoll() {
    return transport instanceof PollingTransport polling && polling.hasPendingPoll();
  }

  OutboundQueue outbound() {
    return outbound;
  }

  private void enqueue(Packet packet) {
    if (state != State.OPEN) {
      return;
    }
    if (!outbound.offer(packet)) {
      log.warn("sid={} outbound buffer passed its bound ({} packets, {} bytes queued, limits {} packets, {} bytes):"
              + " closing a slow consumer", id, outbound.size(), outbound.weight(), options.maxBufferedPackets(),
          options.maxBufferedBytes());
      close(CloseReason.SLOW_CONSUMER, false);
      return;
    }
    transport.flush();
  }

  /** A poll (GET) on this session. Call on the request's context. */
  void poll(HttpServerRequest request) {
    HttpExchange poll = HttpExchange.ofCurrent(request);
    execute(() -> {
      if (state == State.CLOSED) {
        EngineIoError.UNKNOWN_SID.answer(poll);
      } else if (transport instanceof PollingTransport polling) {
        polling.onPoll(poll);
      } else {
        EngineIoError.BAD_REQUEST.answer(poll);
      }
    });
  }

  /**
   * Packets the client posted; answered "ok" once they have been handed to the handlers. Call on the
   * request's context.
   */
  void receivePayload(HttpServerRequest request, List<Packet> packets) {
    HttpExchange post = HttpExchange.ofCurrent(request);
    execute(() -> {
      if (!(transport instanceof PollingTransport)) {
        EngineIoError.BAD_REQUEST.answer(post);
        return;
      }
      for (Packet packet : packets) {
        if (state != State.OPEN) {
          break;
        }
        onPacket(packet);
      }
      post.respond(response -> response.putHeader("Content-Type", "text/html").end("ok"));
    });
  }

  /** The client broke the protocol; the session ends with the given reason. Any thread. */
  void fail(String reason, String detail) {
    execute(() -> {
      if (state == State.OPEN) {
        log.info("sid={} {}: {}", id, reason, detail);
      }
      close(reason, false);
    });
  }

  /** A packet read from a WebSocket, either the session's transport or an upgrade candidate. */
  void onWebSocketPacket(WebSocketTransport ws, Packet packet) {
    if (state != State.OPEN) {
      return;
    }
    if (ws == transport) {
      onPacket(packet);
    } else if (ws == upgradeCandidate) {
      onUpgradePacket(ws, packet);
    }
  }

  /** A WebSocket sent something that is not Engine.IO, or too big: that WebSocket is dropped. */
  void onWebSocketViolation(WebSocketTransport ws, String reason, String detail, short closeCode) {
    ws.close(closeCode, detail);
    if (ws == upgradeCandidate) {
      log.info("sid={} upgrade refused: {}", id, detail);
      abortUpgrade();
    } else if (ws == transport && state == State.OPEN) {
      log.info("sid={} {}: {}", id, reason, detail);
      end(reason);
    }
  }

  /** A transport's connection is gone (the client closed it, or the network did). */
  void transportClosed(Transport closed, String reason) {
    if (closed == upgradeCandidate) {
      abortUpgrade();
    } else if (closed == transport) {
      end(reason);
    }
  }

  /**
   * The HttpServer carrying this WebSocket is shutting down; it waits for the connection to close, so
   * the session closes at once instead of holding the shutdown until its timeout.
   */
  void onServerShutdown(WebSocketTransport ws) {
    if (ws == upgradeCandidate) {
      abortUpgrade();
    } else if (ws == transport) {
      log.debug("sid={} http server shutting down", id);
      close(CloseReason.FORCED_CLOSE, true);
    }
  }

  /** The transport has handed the close packet to the client: nothing more to do. */
  void closeDelivered() {
    finish();
  }

  void attachUpgradeCandidate(WebSocketTransport candidate) {
    if (state != State.OPEN || upgradeCandidate != null || !(transport instanceof PollingTransport)) {
      candidate.close();
      return;
    }
    upgradeCandidate = candidate;
    upgrading = true;
    long timer = vertx.setTimer(options.upgradeTimeoutMs(), t -> execute(() -> upgradeTimedOut(t)));
    upgradeTimer = timer;
  }

  private void onPacket(Packet packet) {
    switch (packet.type()) {
      case MESSAGE -> deliver(packet);
      case PONG -> onPong();
      case CLOSE -> close(CloseReason.TRANSPORT_CLOSE, false);
      case PING -> {
        log.info("sid={} sent a ping: in Engine.IO v4 only the server pings", id);
        close(CloseReason.TRANSPORT_ERROR, false);
      }
      case OPEN, UPGRADE, NOOP -> {
        // Nothing to do: these only matter during the handshake and the upgrade.
      }
    }
  }

  private void deliver(Packet packet) {
    if (packet.isBinary()) {
      invoke(binaryHandler, packet.binary());
    } else {
      invoke(textHandler, packet.text());
    }
  }

  private <T> void invoke(Handler<T> handler, T value) {
    if (handler == null) {
      return;
    }
    try {
      handler.handle(value);
    } catch (RuntimeException e) {
      log.error("sid={} handler failed", id, e);
    }
  }

  private void onUpgradePacket(WebSocketTransport candidate, Packet packet) {
    if (packet.type() == PacketType.PING && PROBE.equals(packet.text())) {
      candidate.writeNow(Packet.PONG_PROBE);
      if (transport instanceof PollingTransport polling) {
        polling.releasePolls(true);
      }
    } else if (packet.type() == PacketType.UPGRADE) {
      completeUpgrade(candidate);
    } else {
      log.info("sid={} upgrade refused: unexpected packet type {}", id, packet.type());
      abortUpgrade();
    }
  }

  private void completeUpgrade(WebSocketTransport ws) {
    cancel(upgradeTimer);
    upgradeTimer = NO_TIMER;
    Transport old = transport;
    upgradeCandidate = null;
    transport = ws;
    upgrading = false;
    if (old instanceof PollingTransport polling) {
      polling.retire();
    }
    log.debug("sid={} upgraded to websocket", id);
    ws.flush();
  }

  private void upgradeTimedOut(long timer) {
    if (timer == upgradeTimer && upgradeCandidate != null) {
      log.info("sid={} upgrade did not complete within {} ms", id, options.upgradeTimeoutMs());
      abortUpgrade();
    }
  }

  private void abortUpgrade() {
    if (upgradeCandidate == null) {
      return;
    }
    cancel(upgradeTimer);
    upgradeTimer = NO_TIMER;
    upgradeCandidate.close();
    upgradeCandidate = null;
    upgrading = false;
    if (transport instanceof PollingTransport polling) {
      polling.releasePolls(false);
    }
  }

  private void schedulePing() {
    awaitingPong = false;
    heartbeatDueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.pingIntervalMs());
  }

  /** Called by the heartbeat tick, on any thread: hands a due heartbeat to the session's context. */
  void heartbeatIfDue(long nowNanos) {
    long due = heartbeatDueNanos;
    if (due != NO_HEARTBEAT && nowNanos - due >= 0) {
      execute(this::onHeartbeatDue);
    }
  }

  /** Pings, or ends a session whose pong is late. Checked again here: a busy context may see two ticks. */
  private void onHeartbeatDue() {
    long due = heartbeatDueNanos;
    if (state != State.OPEN || due == NO_HEARTBEAT || System.nanoTime() - due < 0) {
      return;
    }
    if (awaitingPong) {
      log.info("sid={} no pong within {} ms", id, options.pingTimeoutMs());
      close(CloseReason.PING_TIMEOUT, false);
      return;
    }
    enqueue(Packet.PING);
    if (state == State.OPEN) {
      awaitingPong = true;
      heartbeatDueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.pingTimeoutMs());
    }
  }

  private void onPong() {
    schedulePing();
  }

  /**
   * Ends the session in an orderly way: the close packet goes out after what is queued (or instead of
   * it), and the session is gone once it is delivered or the close timeout passes.
   */
  private void close(String reason, boolean flushQueued) {
    if (state != State.OPEN) {
      return;
    }
    beginClosing(reason);
    if (!flushQueued) {
      outbound.clear();
    }
    outbound.offer(Packet.CLOSE);
    transport.flush();
    if (state == State.CLOSING) {
      closeTimer = vertx.setTimer(options.closeTimeoutMs(), t -> execute(this::finish));
    }
  }

  /** Ends the session now: its transport is gone, nothing can be delivered any more. */
  private void end(String reason) {
    if (state == State.OPEN) {
      beginClosing(reason);
    }
    finish();
  }

  private void beginClosing(String reason) {
    state = State.CLOSING;
    heartbeatDueNanos = NO_HEARTBEAT;
    awaitingPong = false;
    abortUpgrade();
    log.debug("sid={} closed: {}", id, reason);
    invoke(closeHandler, reason);
  }

  private void finish() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    cancel(closeTimer);
    closeTimer = NO_TIMER;
    outbound.clear();
    transport.close();
    onFinished.accept(this);
    finished.complete();
  }

  private void cancel(long timer) {
    if (timer != NO_TIMER) {
      vertx.cancelTimer(timer);
    }
  }
}
