package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.engineio.EngineIoOptions;
import com.meetmates.signaling.engineio.EngineIoServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A plain Engine.IO server and a Socket.IO server on one Vert.x HTTP server, each at its own path. */
class SideBySideTest {

  @Test
  void engineIoAndSocketIoShareOneHttpServer() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      EngineIoServer engine = EngineIoServer.create(vertx, new EngineIoOptions());
      engine.connectionHandler(session -> session.textHandler(text -> session.send("raw:" + text)));
      engine.mount(router);
      SocketIoServer io = SocketIoServer.create(vertx, new SocketIoOptions());
      io.namespace("/").onConnection(socket -> socket.on("hi", (args, ack) -> ack.send("socket.io")));
      io.mount(router);
      HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0)
          .toCompletionStage().toCompletableFuture().get(RawConnection.WAIT_SECONDS, TimeUnit.SECONDS);
      RawConnection rawEngine = RawConnection.open(vertx, http.actualPort(), EngineIoOptions.DEFAULT_PATH);
      RawConnection socketIo = RawConnection.open(vertx, http.actualPort(), SocketIoOptions.DEFAULT_PATH);
      socketIo.connect("/");

      rawEngine.send("hello");
      socketIo.send("21[\"hi\"]");

      assertThat(rawEngine.nextText()).isEqualTo("raw:hello");
      assertThat(socketIo.nextText()).isEqualTo("31[\"socket.io\"]");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(RawConnection.WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
