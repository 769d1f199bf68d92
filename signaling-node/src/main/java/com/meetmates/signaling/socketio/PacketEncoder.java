package com.meetmates.signaling.socketio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.meetmates.signaling.json.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Encodes packets in the format of the reference parser:
 * {@code <type>[<attachments>-][<namespace>,][<ack id>][JSON]}, with binary values taken out as
 * attachments. Stateless and safe from any thread.
 */
final class PacketEncoder {

  /** A per-thread builder that grew past this is dropped after use instead of kept. */
  private static final int KEPT_BUILDER_CHARS = 64 * 1024;
  private static final int INITIAL_BUILDER_CHARS = 512;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ThreadLocal<BuilderWriter> WRITER = ThreadLocal.withInitial(BuilderWriter::new);

  private PacketEncoder() {
  }

  static EncodedPacket event(String namespace, long ackId, String event, Object[] args) {
    if (allText(args)) {
      return eventOfTexts(namespace, ackId, event, args);
    }
    BuilderWriter out = start(PacketType.EVENT, namespace, ackId);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      JsonTreeWriter writer = new JsonTreeWriter(generator);
      generator.writeStartArray();
      generator.writeString(event);
      for (Object arg : args) {
        writer.write(arg);
      }
      generator.writeEndArray();
      generator.close();
      return finish(out, PacketType.BINARY_EVENT, writer.attachments());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean allText(Object[] args) {
    for (Object arg : args) {
      if (!(arg instanceof JsonText)) {
        return false;
      }
    }
    return true;
  }

  /** Arguments that are all JSON text are joined as they are: no generator, nothing to look for binary in. */
  private static EncodedPacket eventOfTexts(String namespace, long ackId, String event, Object[] args) {
    BuilderWriter out = start(PacketType.EVENT, namespace, ackId);
    StringBuilder text = out.builder;
    text.append('[');
    JsonText.appendQuoted(text, event);
    for (Object arg : args) {
      text.append(',');
      ((JsonText) arg).appendTo(text);
    }
    text.append(']');
    return finish(out, PacketType.EVENT, List.of());
  }

  static EncodedPacket ack(String namespace, long ackId, Object[] args) {
    BuilderWriter out = start(PacketType.ACK, namespace, ackId);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      JsonTreeWriter writer = new JsonTreeWriter(generator);
      generator.writeStartArray();
      for (Object arg : args) {
        writer.write(arg);
      }
      generator.writeEndArray();
      generator.close();
      return finish(out, PacketType.BINARY_ACK, writer.attachments());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EncodedPacket connect(String namespace, JsonObject data) {
    return withPayload(PacketType.CONNECT, namespace, data);
  }

  /** CONNECT_ERROR carries an object ({@code {"message", "data"}}) or, from old servers, a string. */
  static EncodedPacket connectError(String namespace, Object data) {
    return withPayload(PacketType.CONNECT_ERROR, namespace, data);
  }

  static EncodedPacket disconnect(String namespace) {
    return finish(start(PacketType.DISCONNECT, namespace, Packet.NO_ACK), PacketType.DISCONNECT, List.of());
  }

  private static EncodedPacket withPayload(PacketType type, String namespace, Object data) {
    BuilderWriter out = start(type, namespace, Packet.NO_ACK);
    if (data == null) {
      return finish(out, type, List.of());
    }
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      JsonTreeWriter writer = new JsonTreeWriter(generator);
      writer.write(data);
      generator.close();
      if (!writer.attachments().isEmpty()) {
        throw new IllegalArgumentException(type + " cannot carry binary data");
      }
      return finish(out, type, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BuilderWriter start(PacketType type, String namespace, long ackId) {
    BuilderWriter out = WRITER.get();
    StringBuilder text = out.builder;
    text.setLength(0);
    text.append(type.code());
    if (!Packet.MAIN_NAMESPACE.equals(namespace)) {
      text.append(namespace).append(',');
    }
    if (ackId != Packet.NO_ACK) {
      text.append(ackId);
    }
    return out;
  }

  /** Turns the header into its binary form when attachments were found: type code, count and '-'. */
  private static EncodedPacket finish(BuilderWriter out, PacketType binaryType, List<Buffer> attachments) {
    StringBuilder text = out.builder;
    if (!attachments.isEmpty()) {
      text.setCharAt(0, binaryType.code());
      text.insert(1, attachments.size() + "-");
    }
    String encoded = text.toString();
    if (text.capacity() > KEPT_BUILDER_CHARS) {
      out.builder = new StringBuilder(INITIAL_BUILDER_CHARS);
    }
    return new EncodedPacket(encoded, attachments);
  }

  /** A Writer over a reusable StringBuilder: Jackson flushes its buffer straight into it. */
  private static final class BuilderWriter extends Writer {
    private StringBuilder builder = new StringBuilder(INITIAL_BUILDER_CHARS);

    @Override
    public void write(char[] chars, int offset, int length) {
      builder.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      builder.append(s, offset, offset + length);
    }

    @Override
    public void write(int c) {
      builder.append((char) c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
