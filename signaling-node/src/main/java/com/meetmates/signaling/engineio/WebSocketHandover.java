package com.meetmates.signaling.engineio;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.ShutdownEvent;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpResponse;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BiFunction;

/**
 * Takes the connection of a WebSocket upgrade request away from Vert.x: Netty's own handshaker answers it and
 * installs Netty's frame codec (and permessage-deflate when the server allows it, see {@link PerMessageDeflate}),
 * and the Engine.IO transport replaces Vert.x's connection handler at the end of the pipeline. Vert.x's
 * ServerWebSocket would keep, for every idle session, its own 1,024-slot outbound queue,
 * the HTTP connection, request and response, and the 101 answer's headers (about 8 KB), and its write path
 * costs a sixth of the relay's CPU time.
 *
 * <p>This is the one class that relies on Vert.x 5 internals (checked against 5.0.7), all of them loaded when
 * the Engine.IO server starts, so that a Vert.x without them fails at start-up, not at the first WebSocket:
 * {@link ConnectionBase} (the connection's Netty channel, as {@link FlushConsolidation} uses it); the name
 * {@value #VERTX_HANDLER} of Vert.x's connection handler in the pipeline (a pipeline without it is refused
 * loudly); {@link ShutdownEvent}, the user event {@code HttpServer.shutdown} fires on every channel it still holds
 * (the transport closes its session on it, as ServerWebSocket's shutdownHandler did); and the metrics SPI
 * ({@link HttpServerMetrics}, {@link HttpServerRequestInternal#metric()}), so that the HTTP server's figures of
 * open connections and WebSockets still go down when the WebSocket closes. The request's end is awaited first,
 * as Vert.x does before its own handshake, so that Vert.x has finished with the request when it lets go.
 */
final class WebSocketHandover {

  static final String VERTX_HANDLER = "handler";
  static final String AGGREGATOR = "meetmates-ws-aggregator";
  static final String TRANSPORT = "meetmates-ws-transport";
  /** Loaded with this class: a Vert.x without the internals fails when the server is created. */
  private static final Class<?>[] INTERNALS = {ConnectionBase.class, ShutdownEvent.class, HttpServerRequestInternal.class};

  private WebSocketHandover() {
  }

  /** Called when the Engine.IO server is created: makes a missing Vert.x internal fail at start-up. */
  static void checkAvailable() {
    for (Class<?> internal : INTERNALS) {
      internal.getName();
    }
  }

  /** Whether a user event fired down a taken-over channel is the HTTP server shutting down. */
  static boolean isServerShutdown(Object userEvent) {
    return userEvent instanceof ShutdownEvent;
  }

  /**
   * Completes the WebSocket handshake of {@code request} on its own connection, once the request has ended, puts
   * the handler {@code transportFor} builds (given the channel and what records its end in the server's metrics)
   * at the end of the pipeline, where Vert.x's handler was, and then hands it to {@code onOpen}. A refused
   * handshake is answered with an HTTP error and calls neither. Call on the request's event loop (strict thread
   * mode).
   *
   * @param onRefused told why a handshake was refused, for the log
   */
  static <T extends ChannelHandler> void accept(HttpServerRequest request, WebSocketDecoderConfig decoderConfig,
      int maxMessageBytes, BiFunction<Channel, Runnable, T> transportFor, Consumer<T> onOpen,
      Consumer<String> onRefused) {
    if (!(request.connection() instanceof ConnectionBase connection)) {
      refuse(request, 400, "not an HTTP/1.1 connection", onRefused);
      return;
    }
    if (request.isEnded()) {
      handOver(request, connection, decoderConfig, maxMessageBytes, transportFor, onOpen, onRefused);
    } else {
      request.endHandler(v -> handOver(request, connection, decoderConfig, maxMessageBytes, transportFor, onOpen,
          onRefused));
      request.resume();
    }
  }

  private static <T extends ChannelHandler> void handOver(HttpServerRequest request, ConnectionBase connection,
      WebSocketDecoderConfig decoderConfig, int maxMessageBytes, BiFunction<Channel, Runnable, T> transportFor,
      Consumer<T> onOpen, Consumer<String> onRefused) {
    Channel channel = connection.channel();
    if (!channel.isActive()) {
      // The client left during the handshake; Vert.x's handler, still in place, has ended the connection.
      return;
    }
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get(VERTX_HANDLER) == null) {
      throw new IllegalStateException("Vert.x's connection handler '" + VERTX_HANDLER + "' is not in the pipeline "
          + pipeline.names() + ": this Vert.x version is not supported by " + WebSocketHandover.class.getName());
    }
    String connectionHeader = request.getHeader(HttpHeaderNames.CONNECTION);
    if (connectionHeader == null || !connectionHeader.toLowerCase(Locale.ROOT).contains("upgrade")) {
      refuse(request, 400, "the Connection header does not ask for an upgrade", onRefused);
      return;
    }
    FullHttpRequest nettyRequest = nettyRequest(request);
    WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
        location(request), null, decoderConfig).newHandshaker(nettyRequest);
    if (handshaker == null) {
      request.response().putHeader(HttpHeaderNames.SEC_WEBSOCKET_VERSION, WebSocketVersion.V13.toHttpHeaderValue());
      refuse(request, 426, "unsupported WebSocket version", onRefused);
      return;
    }
    // The frame decoder allows the compression bit exactly when the server offers permessage-deflate.
    PerMessageDeflate deflate = decoderConfig.allowExtensions()
        ? PerMessageDeflate.negotiate(request.getHeader(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS), maxMessageBytes)
        : null;
    try {
      handshaker.handshake(channel, nettyRequest, deflate == null ? null : deflate.responseHeaders(),
          channel.newPromise());
    } catch (RuntimeException e) {
      refuse(request, 400, e.getMessage(), onRefused);
      return;
    }
    Runnable closeMetrics = openMetrics(request, connection);
    FlushConsolidation.install(pipeline);
    pipeline.addBefore(VERTX_HANDLER, AGGREGATOR,
        new WebSocketFrameAggregator(maxMessageBytes));
    if (deflate != null) {
      deflate.install(pipeline, AGGREGATOR);
    }
    T transport = transportFor.apply(channel, closeMetrics);
    pipeline.replace(VERTX_HANDLER, TRANSPORT, transport);
    onOpen.accept(transport);
  }

  /**
   * Records the upgrade request as answered (101) and the connection as a WebSocket in the HTTP server's metrics,
   * and returns what records both as closed. Vert.x's own handler, which would have done it, is removed.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Runnable openMetrics(HttpServerRequest request, ConnectionBase connection) {
    if (!(connection.metrics() instanceof HttpServerMetrics metrics)) {
      return () -> { };
    }
    Object socketMetric = connection.metric();
    Object requestMetric = request instanceof HttpServerRequestInternal internal ? internal.metric() : null;
    if (requestMetric != null && request.response() instanceof HttpResponse response) {
      request.response().setStatusCode(101);
      metrics.responseBegin(requestMetric, response);
      metrics.responseEnd(requestMetric, response, 0);
    }
    Object webSocketMetric = metrics.connected(socketMetric, requestMetric, null);
    Channel channel = connection.channel();
    return () -> {
      metrics.disconnected(webSocketMetric);
      SocketAddress remote = channel.remoteAddress() instanceof InetSocketAddress inet
          ? SocketAddress.inetSocketAddress(inet) : null;
      metrics.disconnected(socketMetric, remote);
    };
  }

  private static FullHttpRequest nettyRequest(HttpServerRequest request) {
    HttpHeaders headers = new DefaultHttpHeaders();
    for (Map.Entry<String, String> header : request.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, request.uri(), Unpooled.EMPTY_BUFFER,
        headers, EmptyHttpHeaders.INSTANCE);
  }

  private static String location(HttpServerRequest request) {
    String host = request.getHeader(HttpHeaderNames.HOST);
    return (request.isSSL() ? "wss://" : "ws://") + (host == null ? "localhost" : host) + request.uri();
  }

  private static void refuse(HttpServerRequest request, int status, String why,
      Consumer<String> onRefused) {
    onRefused.accept(why);
    request.response().setStatusCode(status).end();
  }
}
