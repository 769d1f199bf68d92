package com.meetmates.signaling.socketio;

import com.meetmates.signaling.engineio.EngineIoOptions;
import java.util.List;

/** Settings of a Socket.IO server; the defaults are those of the Node.js reference server where it has one. */
public final class SocketIoOptions {

  public static final String DEFAULT_PATH = "/socket.io/";
  /** A connection that joins no namespace within this time is closed (as Node's {@code connectTimeout}). */
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 45_000;
  /** How long {@link SocketIoSocket#emitWithAck(String, Object...)} waits for the client's answer. */
  public static final long DEFAULT_ACK_TIMEOUT_MS = 10_000;
  /** Binary attachments one packet may announce. */
  public static final int DEFAULT_MAX_ATTACHMENTS = 16;
  /** Largest packet accepted, its text and its attachments together (as Engine.IO's maxPayload). */
  public static final int DEFAULT_MAX_PACKET_BYTES = EngineIoOptions.DEFAULT_MAX_PAYLOAD_BYTES;

  private EngineIoOptions engineIo = new EngineIoOptions().path(DEFAULT_PATH);
  private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  private long ackTimeoutMs = DEFAULT_ACK_TIMEOUT_MS;
  private int maxAttachments = DEFAULT_MAX_ATTACHMENTS;
  private int maxPacketBytes = DEFAULT_MAX_PACKET_BYTES;
  private List<String> namespaces = List.of(Packet.MAIN_NAMESPACE);

  /**
   * Transport settings (path, pingInterval, pingTimeout, maxPayload, CORS, transports), used when
   * the server creates its own Engine.IO server; change them in place
   * ({@code options.engineIo().pingIntervalMs(5000)}). The path defaults to {@value #DEFAULT_PATH}.
   */
  public EngineIoOptions engineIo() {
    return engineIo;
  }

  /** Replaces the transport settings; their path is taken as given (EngineIoOptions' own default is "/engine.io/"). */
  public SocketIoOptions engineIo(EngineIoOptions engineIo) {
    this.engineIo = engineIo;
    return this;
  }

  public long connectTimeoutMs() {
    return connectTimeoutMs;
  }

  public SocketIoOptions connectTimeoutMs(long connectTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
    return this;
  }

  public long ackTimeoutMs() {
    return ackTimeoutMs;
  }

  public SocketIoOptions ackTimeoutMs(long ackTimeoutMs) {
    this.ackTimeoutMs = ackTimeoutMs;
    return this;
  }

  public int maxAttachments() {
    return maxAttachments;
  }

  public SocketIoOptions maxAttachments(int maxAttachments) {
    this.maxAttachments = maxAttachments;
    return this;
  }

  public int maxPacketBytes() {
    return maxPacketBytes;
  }

  public SocketIoOptions maxPacketBytes(int maxPacketBytes) {
    this.maxPacketBytes = maxPacketBytes;
    return this;
  }

  /** Namespaces created at start ("/" always exists); more can be added with {@link SocketIoServer#namespace(String)}. */
  public List<String> namespaces() {
    return namespaces;
  }

  public SocketIoOptions namespaces(List<String> namespaces) {
    this.namespaces = List.copyOf(namespaces);
    return this;
  }
}
