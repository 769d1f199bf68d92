package com.meetmates.signaling.engineio;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Engine.IO requests: checks them in the reference server's order (origin, transport, session,
 * method, protocol version), opens sessions, and hands polls, posts and WebSocket upgrades to the
 * session they belong to. Thread-safe: may serve any number of event loops at once.
 */
final class DefaultEngineIoServer implements EngineIoServer {

  private static final Logger log = LoggerFactory.getLogger(DefaultEngineIoServer.class);
  private static final String PROTOCOL_VERSION = "4";

  private final Vertx vertx;
  private final EngineIoOptions options;
  private final Cors cors;
  /** Frames over maxPayload are refused by Netty's decoder as soon as their header is read. */
  private final WebSocketDecoderConfig webSocketDecoderConfig;
  private final SessionIds ids = new SessionIds();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private volatile Handler<EngineIoSocket> connectionHandler = socket -> { };

  DefaultEngineIoServer(Vertx vertx, EngineIoOptions options) {
    validate(options);
    this.vertx = vertx;
    this.options = options;
    this.cors = new Cors(options.allowedOrigins(), options.allowCredentials());
    this.webSocketDecoderConfig = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(options.maxPayloadBytes())
        .allowExtensions(options.perMessageDeflate())
        .closeOnProtocolViolation(false)
        .build();
    WebSocketHandover.checkAvailable();
    HeartbeatTicker.start(vertx, options, sessions.values());
  }

  private static void validate(EngineIoOptions options) {
    requirePositive("pingIntervalMs", options.pingIntervalMs());
    requirePositive("pingTimeoutMs", options.pingTimeoutMs());
    requirePositive("upgradeTimeoutMs", options.upgradeTimeoutMs());
    requirePositive("closeTimeoutMs", options.closeTimeoutMs());
    requirePositive("maxPayloadBytes", options.maxPayloadBytes());
    requirePositive("maxBufferedBytes", options.maxBufferedBytes());
    requirePositive("maxBufferedPackets", options.maxBufferedPackets());
    if (options.transports().isEmpty()
        || !List.of(Transport.POLLING, Transport.WEBSOCKET).containsAll(options.transports())) {
      throw new IllegalArgumentException("transports must be among polling and websocket: " + options.transports());
    }
  }

  private static void requirePositive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  @Override
  public EngineIoServer mount(Router router) {
    router.route(options.path()).handler(this::handle);
    return this;
  }

  @Override
  public Handler<HttpServerRequest> requestHandler(Handler<HttpServerRequest> otherRequests) {
    String path = options.path();
    String bare = path.substring(0, path.length() - 1);
    return request -> {
      String requested = request.path();
      if (path.equals(requested) || bare.equals(requested)) {
        handle(request, null);
      } else {
        otherRequests.handle(request);
      }
    };
  }

  @Override
  public EngineIoServer connectionHandler(Handler<EngineIoSocket> handler) {
    this.connectionHandler = handler;
    return this;
  }

  @Override
  public int clientsCount() {
    return sessions.size();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = sessions.values().stream().map(Session::closeAndAwait).toList();
    return Future.all(closing).mapEmpty();
  }

  private void handle(RoutingContext routingContext) {
    RequestBody body = routingContext.body();
    handle(routingContext.request(), body.available() ? body.buffer() : null);
  }

  private void handle(HttpServerRequest request, Buffer alreadyReadBody) {
    try {
      route(request, alreadyReadBody);
    } catch (RuntimeException e) {
      log.warn("engine.io request {} {} refused: {}", request.method(), request.uri(), e.toString());
      EngineIoError.BAD_REQUEST.answer(request.response());
    }
  }

  private void route(HttpServerRequest request, Buffer alreadyReadBody) {
    if (!cors.allows(request)) {
      log.debug("engine.io request from forbidden origin {}", request.getHeader("Origin"));
      refuse(request, EngineIoError.FORBIDDEN);
      return;
    }
    boolean upgrade = isWebSocketUpgrade(request);
    if (!upgrade) {
      // Browsers apply no CORS to a WebSocket (as in the reference server, only HTTP answers carry the headers).
      cors.addHeaders(request);
    }
    if (request.method() == HttpMethod.OPTIONS) {
      cors.answerPreflight(request);
      return;
    }
    Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
    String transport = first(query, "transport");
    if (transport == null || !options.transports().contains(transport)) {
      refuse(request, EngineIoError.UNKNOWN_TRANSPORT);
      return;
    }
    String sid = first(query, "sid");
    String protocol = first(query, "EIO");
    if (sid != null) {
      routeToSession(request, alreadyReadBody, transport, protocol, upgrade, sid);
      return;
    }
    if (request.method() != HttpMethod.GET) {
      refuse(request, EngineIoError.BAD_HANDSHAKE_METHOD);
    } else if (Transport.WEBSOCKET.equals(transport) != upgrade) {
      refuse(request, EngineIoError.BAD_REQUEST);
    } else if (!PROTOCOL_VERSION.equals(protocol)) {
      refuse(request, EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    } else if (upgrade) {
      openWebSocketSession(request);
    } else {
      openPollingSession(request);
    }
  }

  private void routeToSession(HttpServerRequest request, Buffer alreadyReadBody, String transport, String protocol,
      boolean upgrade, String sid) {
    Session session = sessions.get(sid);
    if (session == null) {
      refuse(request, EngineIoError.UNKNOWN_SID);
    } else if (!PROTOCOL_VERSION.equals(protocol)) {
      refuse(request, EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    } else if (upgrade) {
      if (Transport.WEBSOCKET.equals(transport) && session.canUpgrade()) {
        upgrade(request, session);
      } else {
        refuse(request, EngineIoError.BAD_REQUEST);
      }
    } else if (!transport.equals(session.transport())) {
      refuse(request, EngineIoError.BAD_REQUEST);
    } else if (request.method() == HttpMethod.GET) {
      session.poll(request);
    } else if (request.method() == HttpMethod.POST) {
      if (alreadyReadBody != null) {
        PayloadReader.accept(request, session, options.maxPayloadBytes(), alreadyReadBody);
      } else {
        PayloadReader.read(request, session, options.maxPayloadBytes());
      }
    } else {
      refuse(request, EngineIoError.BAD_REQUEST);
    }
  }

  private void openPollingSession(HttpServerRequest request) {
    Session session = newSession(request);
    session.start(new PollingTransport(session, options.maxPayloadBytes()));
    session.poll(request);
    announce(session);
  }

  private void openWebSocketSession(HttpServerRequest request) {
    Handshake handshake = handshakeOf(request);
    WebSocketHandover.accept(request, webSocketDecoderConfig, options.maxPayloadBytes(),
        (channel, closeMetrics) -> new WebSocketTransport(channel, newSession(handshake), options.maxPayloadBytes(),
            closeMetrics),
        transport -> {
          transport.session().start(transport);
          announce(transport.session());
        },
        why -> log.debug("engine.io websocket handshake refused: {}", why));
  }

  private void upgrade(HttpServerRequest request, Session session) {
    WebSocketHandover.accept(request, webSocketDecoderConfig, options.maxPayloadBytes(),
        (channel, closeMetrics) -> new WebSocketTransport(channel, session, options.maxPayloadBytes(), closeMetrics),
        candidate -> session.execute(() -> session.attachUpgradeCandidate(candidate)),
        why -> log.debug("sid={} websocket upgrade handshake refused: {}", session.id(), why));
  }

  private Session newSession(HttpServerRequest request) {
    return newSession(handshakeOf(request));
  }

  private Session newSession(Handshake handshake) {
    Context context = vertx.getOrCreateContext();
    String id = ids.next();
    Session session = new Session(id, handshake, options, vertx, context, finished -> sessions.remove(finished.id(), finished));
    sessions.put(id, session);
    return session;
  }

  private void announce(Session session) {
    try {
      connectionHandler.handle(session);
    } catch (RuntimeException e) {
      log.error("sid={} connection handler failed", session.id(), e);
    }
  }

  private static Handshake handshakeOf(HttpServerRequest request) {
    String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    return new Handshake(request.headers(), request.query(), remote, System.currentTimeMillis());
  }

  /**
   * The query is decoded here rather than with {@code request.getParam}: Vert.x keeps the parameter map
   * it builds on the request, and a polling request may be held for a long poll.
   */
  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static boolean isWebSocketUpgrade(HttpServerRequest request) {
    return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
  }

  private static void refuse(HttpServerRequest request, EngineIoError error) {
    log.debug("engine.io request {} {} refused: {}", request.method(), request.uri(), error.message());
    error.answer(request.response());
  }
}
