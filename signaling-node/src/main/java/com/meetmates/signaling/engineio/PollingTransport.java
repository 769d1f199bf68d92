package com.meetmates.signaling.engineio;

/**
 * HTTP long-polling: the client keeps one GET open; it is answered with every queued packet that fits
 * in maxPayload as soon as there is one. Called on the session's context only.
 */
final class PollingTransport implements Transport {

  private final Session session;
  private final int maxPayloadBytes;
  private HttpExchange pendingPoll;
  private boolean releaseEmptyPolls;
  private boolean retired;

  PollingTransport(Session session, int maxPayloadBytes) {
    this.session = session;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public String name() {
    return POLLING;
  }

  boolean hasPendingPoll() {
    return pendingPoll != null;
  }

  void onPoll(HttpExchange poll) {
    if (pendingPoll != null) {
      EngineIoError.BAD_REQUEST.answer(poll);
      session.fail(CloseReason.TRANSPORT_ERROR, "a second poll arrived while one was pending");
      return;
    }
    pendingPoll = poll;
    poll.request().response().closeHandler(v -> session.execute(() -> onPollConnectionClosed(poll)));
    flush();
  }

  private void onPollConnectionClosed(HttpExchange poll) {
    if (pendingPoll == poll) {
      pendingPoll = null;
      session.transportClosed(this, CloseReason.TRANSPORT_ERROR);
    }
  }

  @Override
  public void flush() {
    if (pendingPoll == null) {
      return;
    }
    OutboundQueue queue = session.outbound();
    if (queue.isEmpty()) {
      if (releaseEmptyPolls) {
        answer(PacketCodec.encodeText(Packet.NOOP));
      }
      return;
    }
    PacketCodec.Chunk chunk = PacketCodec.encodePayload(queue, maxPayloadBytes);
    boolean closing = false;
    for (int i = 0; i < chunk.packetCount(); i++) {
      closing |= queue.poll().type() == PacketType.CLOSE;
    }
    answer(chunk.payload());
    if (closing) {
      session.closeDelivered();
    }
  }

  /**
   * While the client probes a WebSocket, a poll must not wait for data: the client pauses polling and
   * only completes the upgrade once its last poll has returned.
   */
  void releasePolls(boolean release) {
    releaseEmptyPolls = release;
    flush();
  }

  /** The session moved to WebSocket: a poll still pending is released with a noop. */
  void retire() {
    retired = true;
    if (pendingPoll != null) {
      answer(PacketCodec.encodeText(Packet.NOOP));
    }
  }

  @Override
  public void close() {
    if (pendingPoll != null && !retired) {
      answer(PacketCodec.encodeText(Packet.CLOSE));
    }
  }

  private void answer(String payload) {
    HttpExchange poll = pendingPoll;
    pendingPoll = null;
    poll.respond(response -> response
        .putHeader("Content-Type", "text/plain; charset=UTF-8")
        .end(payload));
  }
}
