package com.meetmates.signaling.engineio;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket transport: one packet per frame, never joined. Frames are read and decoded on the
 * WebSocket's own event loop and handed to the session's context; writes happen on the session's
 * context. While the connection cannot take more (writeQueueFull) packets wait in the session's
 * bounded outbound queue.
 */
final class WebSocketTransport implements Transport {

  private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
  static final short NORMAL_CLOSURE = 1000;
  static final short PROTOCOL_ERROR = 1002;
  static final short MESSAGE_TOO_BIG = 1009;
  /**
   * The first fragment of a message that never ends (see {@link #close(short, String)}). Not empty:
   * with permessage-deflate, Netty refuses to compress an empty fragment. It is the Engine.IO close
   * packet, so that even a client delivering it would read it rightly.
   */
  private static final String UNFINISHED_MESSAGE = PacketCodec.encodeText(Packet.CLOSE);

  private final ServerWebSocket webSocket;
  private final Session session;
  private final int maxPayloadBytes;
  private boolean closed;

  WebSocketTransport(ServerWebSocket webSocket, Session session, int maxPayloadBytes) {
    this.webSocket = webSocket;
    this.session = session;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public String name() {
    return WEBSOCKET;
  }

  /** Installs the read side; call on the WebSocket's own context as soon as it is open. */
  void listen() {
    webSocket.textMessageHandler(this::onText);
    webSocket.binaryMessageHandler(this::onBinary);
    webSocket.closeHandler(v -> session.execute(() -> session.transportClosed(this, CloseReason.TRANSPORT_CLOSE)));
    webSocket.exceptionHandler(e -> log.debug("sid={} websocket error: {}", session.id(), e.toString()));
    webSocket.drainHandler(v -> session.execute(this::flush));
    webSocket.shutdownHandler(v -> session.execute(() -> session.onServerShutdown(this)));
  }

  private void onText(String text) {
    if (PacketCodec.utf8Length(text) > maxPayloadBytes) {
      tooBig();
      return;
    }
    Packet packet;
    try {
      packet = PacketCodec.decodeText(text);
    } catch (MalformedPacketException e) {
      session.execute(() -> session.onWebSocketViolation(this, CloseReason.PARSE_ERROR, e.getMessage(), PROTOCOL_ERROR));
      return;
    }
    session.execute(() -> session.onWebSocketPacket(this, packet));
  }

  private void onBinary(Buffer data) {
    if (data.length() > maxPayloadBytes) {
      tooBig();
      return;
    }
    Packet packet = PacketCodec.decodeBinary(data);
    session.execute(() -> session.onWebSocketPacket(this, packet));
  }

  private void tooBig() {
    session.execute(() -> session.onWebSocketViolation(this, CloseReason.TRANSPORT_ERROR,
        "message over maxPayload " + maxPayloadBytes, MESSAGE_TOO_BIG));
  }

  @Override
  public void flush() {
    OutboundQueue queue = session.outbound();
    try {
      while (!closed && !queue.isEmpty() && !webSocket.writeQueueFull()) {
        Packet packet = queue.poll();
        if (packet.type() == PacketType.CLOSE) {
          close();
          session.closeDelivered();
          return;
        }
        write(packet);
      }
    } catch (IllegalStateException peerClosed) {
      lost();
    }
  }

  /** Writes one packet as its own frame, ahead of the queue (the probe answer). */
  void writeNow(Packet packet) {
    try {
      if (!closed) {
        write(packet);
      }
    } catch (IllegalStateException peerClosed) {
      lost();
    }
  }

  private void write(Packet packet) {
    if (packet.isBinary()) {
      webSocket.writeBinaryMessage(packet.binary());
    } else {
      webSocket.writeTextMessage(PacketCodec.encodeText(packet));
    }
  }

  /**
   * The peer closed the WebSocket on its event loop before this one heard of it (Vert.x then refuses
   * writes with an IllegalStateException); its close handler, already on its way, ends the session.
   */
  private void lost() {
    closed = true;
  }

  @Override
  public void close() {
    close(NORMAL_CLOSURE, "");
  }

  /**
   * Sends the close frame inside an unfinished fragmented message. The Java client
   * (engine.io-client-java on OkHttp) has no handler for a close frame: OkHttp stops reading there and
   * waits for the client to answer it, which it never does, so after a plain close frame that client
   * only notices the end at its ping timeout (pingInterval + pingTimeout), whenever the server drops
   * the TCP connection. A close frame between the fragments of a message is allowed (RFC 6455, 5.4):
   * browsers and Node's ws discard the unfinished message and close cleanly, while OkHttp, which
   * expects the message to continue, fails the connection at once, and that client reconnects.
   */
  void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      webSocket.writeFrame(WebSocketFrame.textFrame(UNFINISHED_MESSAGE, false));
    } catch (IllegalStateException peerClosed) {
      return;
    }
    webSocket.close(code, reason);
  }
}
