package com.meetmates.signaling.engineio;

/** The reasons handed to {@link EngineIoSocket#closeHandler}; the same words as the reference server. */
public final class CloseReason {

  /** The client closed the connection or sent a close packet. */
  public static final String TRANSPORT_CLOSE = "transport close";
  /** The connection failed: dropped poll, duplicate poll, oversized payload, protocol violation. */
  public static final String TRANSPORT_ERROR = "transport error";
  /** The client sent something that is not Engine.IO. */
  public static final String PARSE_ERROR = "parse error";
  /** No pong within pingTimeout after a ping. */
  public static final String PING_TIMEOUT = "ping timeout";
  /** The server closed the session ({@link EngineIoSocket#close()} or {@link EngineIoServer#close()}). */
  public static final String FORCED_CLOSE = "forced close";
  /** The client did not read fast enough and its outbound buffer passed the configured bound. */
  public static final String SLOW_CONSUMER = "slow consumer";

  private CloseReason() {
  }
}
