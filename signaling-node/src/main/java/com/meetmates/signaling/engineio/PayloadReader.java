package com.meetmates.signaling.engineio;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the body of a polling POST, never more than maxPayload bytes: a bigger body is answered
 * with HTTP 413 (as the reference server) and ends the session; a malformed one with HTTP 400.
 */
final class PayloadReader {

  private static final int PAYLOAD_TOO_LARGE = 413;

  private final HttpServerRequest request;
  private final Session session;
  private final int maxPayloadBytes;
  private final Buffer body = Buffer.buffer();
  private boolean refused;

  private PayloadReader(HttpServerRequest request, Session session, int maxPayloadBytes) {
    this.request = request;
    this.session = session;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Starts reading; call on the request's context before it returns. */
  static void read(HttpServerRequest request, Session session, int maxPayloadBytes) {
    PayloadReader reader = new PayloadReader(request, session, maxPayloadBytes);
    if (reader.declaredLength() > maxPayloadBytes) {
      reader.refuseTooLarge();
      return;
    }
    request.handler(reader::onChunk);
    request.endHandler(v -> reader.onEnd());
    request.exceptionHandler(e -> reader.refused = true);
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.response().writeContinue();
    }
  }

  /** A body that a Vert.x Web BodyHandler has already read. */
  static void accept(HttpServerRequest request, Session session, int maxPayloadBytes, Buffer body) {
    PayloadReader reader = new PayloadReader(request, session, maxPayloadBytes);
    if (body.length() > maxPayloadBytes) {
      reader.refuseTooLarge();
      return;
    }
    reader.body.appendBuffer(body);
    reader.onEnd();
  }

  private long declaredLength() {
    String header = request.getHeader("Content-Length");
    if (header == null) {
      return 0;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void onChunk(Buffer chunk) {
    if (refused) {
      return;
    }
    if ((long) body.length() + chunk.length() > maxPayloadBytes) {
      refuseTooLarge();
      return;
    }
    body.appendBuffer(chunk);
  }

  private void onEnd() {
    if (refused) {
      return;
    }
    List<Packet> packets;
    try {
      packets = PacketCodec.decodePayload(body.toString(StandardCharsets.UTF_8));
    } catch (MalformedPacketException e) {
      EngineIoError.BAD_REQUEST.answer(request.response());
      session.fail(CloseReason.PARSE_ERROR, "malformed payload: " + e.getMessage());
      return;
    }
    session.receivePayload(request, packets);
  }

  private void refuseTooLarge() {
    refused = true;
    request.response().setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Connection", "close").end();
    session.fail(CloseReason.TRANSPORT_ERROR, "payload over maxPayload " + maxPayloadBytes);
  }
}
