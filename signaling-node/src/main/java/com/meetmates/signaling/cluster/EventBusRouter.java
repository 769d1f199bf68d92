package com.meetmates.signaling.cluster;

import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Router;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes deliveries over the clustered event bus with ONE address per node (a per-socket consumer would be
 * a cluster-wide registration for every connect). The target socket travels in a header. A delivery to a
 * socket of this node never touches the event bus. Sends from one node to one node keep their order.
 */
public final class EventBusRouter implements Router {

  public static final String ADDRESS_PREFIX = "meetmates.node.";

  private static final Logger LOG = LoggerFactory.getLogger(EventBusRouter.class);

  private final EventBus eventBus;
  private final String nodeId;
  /** Never changed after construction: every send shares it. */
  private final DeliveryOptions options = new DeliveryOptions().setCodecName(DeliveryCodec.NAME);
  private volatile BiConsumer<String, Delivery> inbound = (socketId, delivery) -> { };
  private MessageConsumer<DeliveryCodec.Addressed> consumer;

  private EventBusRouter(EventBus eventBus, String nodeId) {
    this.eventBus = eventBus;
    this.nodeId = nodeId;
  }

  /** Registers this node's address; the future completes once other nodes can reach it. */
  public static Future<EventBusRouter> start(Vertx vertx, String nodeId) {
    EventBusRouter router = new EventBusRouter(vertx.eventBus(), nodeId);
    vertx.eventBus().unregisterCodec(DeliveryCodec.NAME);
    vertx.eventBus().registerCodec(new DeliveryCodec());
    router.consumer = vertx.eventBus().consumer(address(nodeId), router::receive);
    return router.consumer.completion().map(router);
  }

  public static String address(String nodeId) {
    return ADDRESS_PREFIX + nodeId;
  }

  /** Where deliveries for this node's sockets go. */
  public void onDelivery(BiConsumer<String, Delivery> handler) {
    this.inbound = handler;
  }

  @Override
  public String localNode() {
    return nodeId;
  }

  @Override
  public void send(String targetNode, String socketId, Delivery delivery) {
    if (nodeId.equals(targetNode)) {
      inbound.accept(socketId, delivery);
      return;
    }
    eventBus.send(address(targetNode), new DeliveryCodec.Addressed(socketId, delivery), options);
  }

  public Future<Void> stop() {
    return consumer.unregister();
  }

  private void receive(Message<DeliveryCodec.Addressed> message) {
    DeliveryCodec.Addressed addressed;
    try {
      addressed = message.body();
    } catch (RuntimeException malformed) {
      LOG.warn("undeliverable event-bus message dropped", malformed);
      return;
    }
    inbound.accept(addressed.socketId(), addressed.delivery());
  }
}
