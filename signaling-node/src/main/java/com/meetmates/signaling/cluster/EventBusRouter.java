package com.meetmates.signaling.cluster;

import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Router;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  /** Per event-loop thread: the deliveries of the current turn not yet sent, by target node. */
  private final ThreadLocal<Map<String, List<DeliveryCodec.Addressed>>> pending = ThreadLocal.withInitial(HashMap::new);
  private MessageConsumer<DeliveryCodec.Batch> consumer;

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

  /**
   * A delivery sent from an event loop joins the others of the same turn for the same node: they leave as one
   * event-bus message when the turn's tasks run, in the order they were sent. One message per relayed packet cost
   * an event-bus message, a write(2) and a wake-up on each side. From any other thread it leaves at once.
   */
  @Override
  public void send(String targetNode, String socketId, Delivery delivery) {
    if (nodeId.equals(targetNode)) {
      inbound.accept(socketId, delivery);
      return;
    }
    DeliveryCodec.Addressed addressed = new DeliveryCodec.Addressed(socketId, delivery);
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      eventBus.send(address(targetNode), new DeliveryCodec.Batch(List.of(addressed)), options);
      return;
    }
    Map<String, List<DeliveryCodec.Addressed>> byNode = pending.get();
    List<DeliveryCodec.Addressed> batch = byNode.get(targetNode);
    if (batch == null) {
      List<DeliveryCodec.Addressed> opened = new ArrayList<>();
      byNode.put(targetNode, opened);
      context.runOnContext(endOfTurn -> {
        byNode.remove(targetNode);
        eventBus.send(address(targetNode), new DeliveryCodec.Batch(opened), options);
      });
      batch = opened;
    }
    batch.add(addressed);
  }

  public Future<Void> stop() {
    return consumer.unregister();
  }

  private void receive(Message<DeliveryCodec.Batch> message) {
    DeliveryCodec.Batch batch;
    try {
      batch = message.body();
    } catch (RuntimeException malformed) {
      LOG.warn("undeliverable event-bus message dropped", malformed);
      return;
    }
    for (DeliveryCodec.Addressed addressed : batch.deliveries()) {
      inbound.accept(addressed.socketId(), addressed.delivery());
    }
  }
}
