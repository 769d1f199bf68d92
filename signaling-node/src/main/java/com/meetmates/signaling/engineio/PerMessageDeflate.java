package com.meetmates.signaling.engineio;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilterProvider;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.util.Map;

/**
 * permessage-deflate (RFC 7692) for a WebSocket the Engine.IO server has taken over: the answer to the client's
 * offer, and Netty's inflater and deflater for the connection. The inflater stops at the largest message the
 * server accepts, so that a small compressed frame cannot make the server inflate (and hold) far more than
 * maxPayload before the size check; Vert.x's own negotiation has no such bound.
 */
final class PerMessageDeflate {

  private static final String INFLATER = "meetmates-ws-inflater";
  private static final String DEFLATER = "meetmates-ws-deflater";
  /** zlib's default level, as Vert.x and Netty use it for WebSockets. */
  private static final int COMPRESSION_LEVEL = 6;

  private final WebSocketServerExtension extension;

  private PerMessageDeflate(WebSocketServerExtension extension) {
    this.extension = extension;
  }

  /**
   * The extension agreed from the client's {@code Sec-WebSocket-Extensions} offer, or null when it offers no
   * permessage-deflate the server can accept.
   *
   * @param maxInflatedBytes the most one message may inflate to
   */
  static PerMessageDeflate negotiate(String offer, int maxInflatedBytes) {
    if (offer == null) {
      return null;
    }
    PerMessageDeflateServerExtensionHandshaker handshaker = new PerMessageDeflateServerExtensionHandshaker(
        COMPRESSION_LEVEL, ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(),
        PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE, false, false,
        WebSocketExtensionFilterProvider.DEFAULT, maxInflatedBytes);
    for (WebSocketExtensionData offered : WebSocketExtensionUtil.extractExtensions(offer)) {
      WebSocketServerExtension accepted = handshaker.handshakeExtension(offered);
      if (accepted != null) {
        return new PerMessageDeflate(accepted);
      }
    }
    return null;
  }

  /** The header of the 101 answer that tells the client what was agreed. */
  HttpHeaders responseHeaders() {
    WebSocketExtensionData agreed = extension.newReponseData();
    StringBuilder value = new StringBuilder(agreed.name());
    for (Map.Entry<String, String> parameter : agreed.parameters().entrySet()) {
      value.append("; ").append(parameter.getKey());
      if (parameter.getValue() != null) {
        value.append('=').append(parameter.getValue());
      }
    }
    return new DefaultHttpHeaders().add(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, value.toString());
  }

  /** Puts the inflater and the deflater in front of {@code handler}, behind Netty's frame codec. */
  void install(ChannelPipeline pipeline, String handler) {
    pipeline.addBefore(handler, INFLATER, extension.newExtensionDecoder());
    pipeline.addBefore(handler, DEFLATER, extension.newExtensionEncoder());
  }
}
