package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** permessage-deflate as the server agrees it, with an inflater that stops at the largest accepted message. */
class PerMessageDeflateTest {

  private static final int LIMIT = 1000;
  private final EmbeddedChannel channel = new EmbeddedChannel();

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void aBrowsersOfferIsAnsweredWithPermessageDeflate() {
    PerMessageDeflate deflate = PerMessageDeflate.negotiate("permessage-deflate; client_max_window_bits", LIMIT);

    assertThat(deflate.responseHeaders().get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS))
        .startsWith("permessage-deflate");
  }

  @Test
  void noOfferOrOnlyOtherExtensionsAgreeOnNothing() {
    assertThat(PerMessageDeflate.negotiate(null, LIMIT)).isNull();
    assertThat(PerMessageDeflate.negotiate("x-webkit-deflate-frame", LIMIT)).isNull();
  }

  @Test
  void aCompressedMessageUpToTheLimitIsInflated() {
    installed();
    String text = "4" + "a".repeat(LIMIT - 1);

    channel.writeInbound(compressedFrame(text));

    TextWebSocketFrame inflated = channel.readInbound();
    assertThat(inflated.text()).isEqualTo(text);
    inflated.release();
  }

  @Test
  void theInflaterStopsAtTheLimitInsteadOfInflatingAWholeCompressionBomb() {
    installed();
    TextWebSocketFrame bomb = compressedFrame("4" + "a".repeat(1_000_000));
    assertThat(bomb.content().readableBytes()).isLessThan(LIMIT);

    assertThatThrownBy(() -> channel.writeInbound(bomb))
        .isInstanceOf(DecompressionException.class)
        .hasMessageContaining(Integer.toString(LIMIT))
        .hasNoCause();
  }

  private void installed() {
    channel.pipeline().addLast("transport", new ChannelInboundHandlerAdapter());
    PerMessageDeflate.negotiate("permessage-deflate", LIMIT).install(channel.pipeline(), "transport");
  }

  /** A message as a browser compresses it (RFC 7692: raw deflate, sync flush, its 4-byte tail dropped). */
  private static TextWebSocketFrame compressedFrame(String text) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[text.length() + 64];
    int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
    deflater.end();
    return new TextWebSocketFrame(true, WebSocketExtension.RSV1,
        Unpooled.wrappedBuffer(Arrays.copyOf(out, length - 4)));
  }
}
