package com.meetmates.signaling.socketio;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** A packet ready for the wire: one text message, then one binary message per attachment. */
record EncodedPacket(String text, List<Buffer> attachments) {
}
