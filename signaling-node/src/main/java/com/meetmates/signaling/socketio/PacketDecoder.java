package com.meetmates.signaling.socketio;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes the packets of one connection. Stateful: a binary packet is completed by the binary
 * messages that follow it. Anything that breaks the protocol raises a {@link ProtocolException}
 * and nothing else; the connection is then to be closed, so the decoder need not recover.
 */
final class PacketDecoder {

  /** More digits than this cannot be a real acknowledgement id (the reference clients count from 0). */
  static final int MAX_ACK_ID_DIGITS = 15;

  /** Event names the reference implementation keeps for itself; a client may not send them. */
  static final Set<String> RESERVED_EVENTS =
      Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

  /** Which events the socket they are for takes with their arguments as text. */
  @FunctionalInterface
  interface RawEvents {
    RawEvents NONE = (namespace, event) -> false;

    boolean takesRaw(String namespace, String event);
  }

  private final int maxPacketBytes;
  private final int maxAttachments;
  private final RawEvents rawEvents;

  private PendingBinary pending;

  /** A decoder that gives every event its arguments as a tree. */
  PacketDecoder(int maxPacketBytes, int maxAttachments) {
    this(maxPacketBytes, maxAttachments, RawEvents.NONE);
  }

  PacketDecoder(int maxPacketBytes, int maxAttachments, RawEvents rawEvents) {
    this.maxPacketBytes = maxPacketBytes;
    this.maxAttachments = maxAttachments;
    this.rawEvents = rawEvents;
  }

  /** Returns the packet, or null when it is a binary packet that waits for its attachments. */
  Packet decodeText(String text) {
    try {
      if (pending != null) {
        throw new ProtocolException("text message while " + pending.missing() + " binary attachments are due");
      }
      return parse(text);
    } catch (ProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProtocolException("malformed packet: " + e);
    }
  }

  /** Returns the completed packet once its last attachment arrived, otherwise null. */
  Packet decodeBinary(Buffer data) {
    if (pending == null) {
      throw new ProtocolException("binary message without a binary packet announcing it");
    }
    Packet complete = pending.add(data);
    if (complete != null) {
      pending = null;
    }
    return complete;
  }

  private Packet parse(String text) {
    int length = text.length();
    if (length == 0) {
      throw new ProtocolException("empty packet");
    }
    if (length > maxPacketBytes) {
      throw new ProtocolException("packet of " + length + " characters exceeds " + maxPacketBytes);
    }
    PacketType type = PacketType.ofCode(text.charAt(0));
    if (type == null) {
      throw new ProtocolException("unknown packet type '" + text.charAt(0) + "'");
    }
    int i = 1;
    int attachmentCount = 0;
    if (type.isBinary()) {
      int dash = text.indexOf('-', i);
      if (dash < 0) {
        throw new ProtocolException("binary packet without attachment count");
      }
      attachmentCount = parseAttachmentCount(text, i, dash);
      i = dash + 1;
    }
    String namespace = Packet.MAIN_NAMESPACE;
    if (i < length && text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      int end = comma < 0 ? length : comma;
      namespace = text.substring(i, end);
      i = comma < 0 ? length : comma + 1;
    }
    long ackId = Packet.NO_ACK;
    int idStart = i;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    if (i > idStart) {
      if (i - idStart > MAX_ACK_ID_DIGITS) {
        throw new ProtocolException("bad ack id: more than " + MAX_ACK_ID_DIGITS + " digits");
      }
      ackId = Long.parseLong(text, idStart, i, 10);
    }
    AttachmentSlots slots = type.isBinary() ? new AttachmentSlots(attachmentCount) : null;
    Packet packet = parsePayload(type, namespace, ackId, text, i, slots);
    if (slots == null) {
      return packet;
    }
    slots.checkComplete();
    if (attachmentCount == 0) {
      return packet;
    }
    pending = new PendingBinary(packet, slots, length);
    return null;
  }

  private int parseAttachmentCount(String text, int from, int dash) {
    if (dash == from || dash - from > Integer.toString(maxAttachments).length()) {
      throw new ProtocolException("bad attachment count");
    }
    for (int i = from; i < dash; i++) {
      if (!isDigit(text.charAt(i))) {
        throw new ProtocolException("bad attachment count");
      }
    }
    int count = Integer.parseInt(text, from, dash, 10);
    if (count > maxAttachments) {
      throw new ProtocolException(count + " attachments exceed the limit of " + maxAttachments);
    }
    return count;
  }

  private Packet parsePayload(PacketType type, String namespace, long ackId, String text, int from,
      AttachmentSlots slots) {
    boolean hasPayload = from < text.length();
    switch (type) {
      case EVENT, BINARY_EVENT -> {
        if (!hasPayload) {
          throw new ProtocolException("event without payload");
        }
        JsonTreeReader.EventPayload payload = JsonTreeReader.readEvent(text, from, slots, namespace, rawEvents);
        if (RESERVED_EVENTS.contains(payload.event())) {
          throw new ProtocolException("reserved event name '" + payload.event() + "'");
        }
        return new Packet(type, namespace, ackId, payload.event(), payload.args());
      }
      case ACK, BINARY_ACK -> {
        if (ackId == Packet.NO_ACK) {
          throw new ProtocolException("bad ack id: acknowledgement without id");
        }
        if (!hasPayload) {
          throw new ProtocolException("acknowledgement without payload");
        }
        Object data = JsonTreeReader.readValue(text, from, slots);
        if (!(data instanceof JsonArray)) {
          throw new ProtocolException("acknowledgement payload is not an array");
        }
        return new Packet(type, namespace, ackId, null, data);
      }
      case CONNECT -> {
        requireNoAckId(type, ackId);
        Object data = hasPayload ? JsonTreeReader.readValue(text, from, null) : null;
        if (data != null && !(data instanceof JsonObject)) {
          throw new ProtocolException("connect payload is not an object");
        }
        return new Packet(type, namespace, ackId, null, data);
      }
      case CONNECT_ERROR -> {
        requireNoAckId(type, ackId);
        Object data = hasPayload ? JsonTreeReader.readValue(text, from, null) : null;
        if (!(data instanceof JsonObject) && !(data instanceof String)) {
          throw new ProtocolException("connect error payload is neither an object nor a string");
        }
        return new Packet(type, namespace, ackId, null, data);
      }
      default -> {
        requireNoAckId(type, ackId);
        if (hasPayload) {
          throw new ProtocolException("disconnect with a payload");
        }
        return new Packet(type, namespace, ackId, null, null);
      }
    }
  }

  private static void requireNoAckId(PacketType type, long ackId) {
    if (ackId != Packet.NO_ACK) {
      throw new ProtocolException("bad ack id: " + type + " carries no ack id");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A binary packet whose attachments are still arriving. */
  private final class PendingBinary {
    private final Packet packet;
    private final AttachmentSlots slots;
    private final List<Buffer> received;
    private long bytes;

    PendingBinary(Packet packet, AttachmentSlots slots, int textLength) {
      this.packet = packet;
      this.slots = slots;
      this.received = new ArrayList<>(slots.expected());
      this.bytes = textLength;
    }

    int missing() {
      return slots.expected() - received.size();
    }

    Packet add(Buffer data) {
      bytes += data.length();
      if (bytes > maxPacketBytes) {
        throw new ProtocolException("binary packet exceeds " + maxPacketBytes + " bytes");
      }
      received.add(data);
      if (missing() > 0) {
        return null;
      }
      slots.fill(received);
      return packet;
    }
  }
}
