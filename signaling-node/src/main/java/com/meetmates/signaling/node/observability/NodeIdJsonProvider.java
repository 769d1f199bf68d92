package com.meetmates.signaling.node.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;

/**
 * Writes the {@code nodeId} field of a JSON log line: the node named in the MDC (work for one of its sockets),
 * else the node this JVM runs. Configured in logback.xml next to an MDC provider that leaves nodeId out.
 */
public final class NodeIdJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
    String nodeId = event.getMDCPropertyMap().get(LogContext.NODE_ID);
    if (nodeId == null) {
      nodeId = LogContext.processNode();
    }
    if (nodeId != null) {
      generator.writeStringField(LogContext.NODE_ID, nodeId);
    }
  }
}
