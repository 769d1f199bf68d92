package com.meetmates.signaling.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket transport, as the last handler of the connection's Netty pipeline (after Netty's frame decoder
 * and aggregator, see {@link WebSocketHandover}): one packet per frame, never joined. Frames are read and decoded
 * on the channel's event loop and handed to the session's context; writes happen on the session's context and
 * are flushed once per {@link #flush()}. While the channel is not writable (its outbound buffer is past Netty's
 * high water mark) packets wait in the session's bounded outbound queue; the channel becoming writable again
 * resumes the flush.
 */
final class WebSocketTransport extends ChannelInboundHandlerAdapter implements Transport {

  private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
  static final short NORMAL_CLOSURE = 1000;
  static final short PROTOCOL_ERROR = 1002;
  static final short MESSAGE_TOO_BIG = 1009;
  /**
   * How long an orderly close waits for the client's close frame before dropping the TCP connection (the
   * server closes it first, RFC 6455 7.1.1; Vert.x's default closing timeout).
   */
  static final long CLOSE_REPLY_TIMEOUT_MS = 10_000;
  /** A close frame's reason fits in 123 bytes (125 of payload, 2 of them the code). */
  private static final int MAX_CLOSE_REASON_BYTES = 123;
  /**
   * The first fragment of a message that never ends (see {@link #close(short, String, boolean)}). Not empty:
   * with permessage-deflate, Netty refuses to compress an empty fragment. It is the Engine.IO close
   * packet, so that even a client delivering it would read it rightly.
   */
  private static final String UNFINISHED_MESSAGE = PacketCodec.encodeText(Packet.CLOSE);

  private final Channel channel;
  private final Session session;
  private final int maxPayloadBytes;
  private final Runnable closeMetrics;
  /** Set once a close frame went out or came in; then nothing more is written. Both threads read it. */
  private volatile boolean closed;

  WebSocketTransport(Channel channel, Session session, int maxPayloadBytes, Runnable closeMetrics) {
    this.channel = channel;
    this.session = session;
    this.maxPayloadBytes = maxPayloadBytes;
    this.closeMetrics = closeMetrics;
  }

  @Override
  public String name() {
    return WEBSOCKET;
  }

  Session session() {
    return session;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame text) {
        onText(text.content());
      } else if (msg instanceof BinaryWebSocketFrame binary) {
        onBinary(binary.content());
      } else if (msg instanceof PingWebSocketFrame ping) {
        channel.writeAndFlush(new PongWebSocketFrame(ping.content().retain()), channel.voidPromise());
      } else if (msg instanceof CloseWebSocketFrame close) {
        onCloseFrame(close);
      }
    } finally {
      // Pongs, and the end of the upgrade request that Vert.x's decoder may still pass on, are dropped here.
      ReferenceCountUtil.release(msg);
    }
  }

  private void onText(ByteBuf content) {
    if (content.readableBytes() > maxPayloadBytes) {
      tooBig();
      return;
    }
    Packet packet;
    try {
      packet = PacketCodec.decodeText(content);
    } catch (MalformedPacketException e) {
      session.execute(() -> session.onWebSocketViolation(this, CloseReason.PARSE_ERROR, e.getMessage(), PROTOCOL_ERROR));
      return;
    }
    session.execute(() -> session.onWebSocketPacket(this, packet));
  }

  private void onBinary(ByteBuf content) {
    if (content.readableBytes() > maxPayloadBytes) {
      tooBig();
      return;
    }
    Packet packet = PacketCodec.decodeBinary(Buffer.buffer(ByteBufUtil.getBytes(content)));
    session.execute(() -> session.onWebSocketPacket(this, packet));
  }

  /** The client answered our close frame, or closes first: the TCP connection ends once the answer is out. */
  private void onCloseFrame(CloseWebSocketFrame frame) {
    if (closed) {
      channel.close();
      return;
    }
    closed = true;
    channel.writeAndFlush(new CloseWebSocketFrame(true, 0, frame.content().retain()))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private void tooBig() {
    session.execute(() -> session.onWebSocketViolation(this, CloseReason.TRANSPORT_ERROR,
        "message over maxPayload " + maxPayloadBytes, MESSAGE_TOO_BIG));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException
        || cause instanceof CorruptedWebSocketFrameException corrupted
        && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
        || cause instanceof DecompressionException && !(cause.getCause() instanceof DataFormatException)) {
      // A DecompressionException of its own is the inflater stopping at maxPayload (PerMessageDeflate).
      tooBig();
    } else if (cause instanceof DecompressionException) {
      session.execute(() -> session.onWebSocketViolation(this, CloseReason.TRANSPORT_ERROR,
          "compressed message cannot be inflated", PROTOCOL_ERROR));
    } else if (cause instanceof CorruptedWebSocketFrameException corrupted) {
      session.execute(() -> session.onWebSocketViolation(this, CloseReason.TRANSPORT_ERROR, corrupted.getMessage(),
          PROTOCOL_ERROR));
    } else {
      log.debug("sid={} websocket error: {}", session.id(), cause.toString());
      channel.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    closeMetrics.run();
    session.execute(() -> session.transportClosed(this, CloseReason.TRANSPORT_CLOSE));
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (channel.isWritable()) {
      session.execute(this::flush);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (WebSocketHandover.isServerShutdown(event)) {
      session.execute(() -> session.onServerShutdown(this));
    }
    ReferenceCountUtil.release(event);
  }

  @Override
  public void flush() {
    OutboundQueue queue = session.outbound();
    boolean written = false;
    while (!closed && !queue.isEmpty() && channel.isWritable()) {
      Packet packet = queue.poll();
      if (packet.type() == PacketType.CLOSE) {
        close();
        session.closeDelivered();
        return;
      }
      channel.write(frameOf(packet), channel.voidPromise());
      written = true;
    }
    if (written) {
      channel.flush();
    }
  }

  /** Writes one packet as its own frame, ahead of the queue (the probe answer). */
  void writeNow(Packet packet) {
    if (!closed) {
      channel.writeAndFlush(frameOf(packet), channel.voidPromise());
    }
  }

  private WebSocketFrame frameOf(Packet packet) {
    if (packet.isBinary()) {
      return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(packet.binary().getBytes()));
    }
    return new TextWebSocketFrame(PacketCodec.encodeTextFrame(packet));
  }

  /** Closes in order: the close frame, then the TCP connection once the client answers it. */
  @Override
  public void close() {
    close(NORMAL_CLOSURE, "", true);
  }

  /** Closes at once after a violation: the close frame, then the TCP connection as soon as it is written. */
  void close(short code, String reason) {
    close(code, reason, false);
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
  private void close(short code, String reason, boolean awaitReply) {
    if (closed) {
      return;
    }
    closed = true;
    channel.write(new TextWebSocketFrame(false, 0, ByteBufUtil.writeUtf8(channel.alloc(), UNFINISHED_MESSAGE)),
        channel.voidPromise());
    var written = channel.writeAndFlush(new CloseWebSocketFrame(code, fitting(reason)));
    if (awaitReply) {
      // Cancelled once the connection ends, so that a closed session is not kept for the whole timeout.
      written.addListener(f -> {
        var drop = channel.eventLoop().schedule(() -> channel.close(), CLOSE_REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closedNow -> drop.cancel(false));
      });
    } else {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static String fitting(String reason) {
    String fitted = reason.length() > MAX_CLOSE_REASON_BYTES ? reason.substring(0, MAX_CLOSE_REASON_BYTES) : reason;
    while (PacketCodec.utf8Length(fitted) > MAX_CLOSE_REASON_BYTES) {
      fitted = fitted.substring(0, fitted.length() - 1);
    }
    return fitted;
  }
}
