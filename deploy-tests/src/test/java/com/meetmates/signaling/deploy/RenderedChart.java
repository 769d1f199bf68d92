package com.meetmates.signaling.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart rendered by `helm template` (through helm-java), parsed into one node per manifest. */
final class RenderedChart {
  static final String RELEASE = "chat";
  static final String NAMESPACE = "meetmates";
  static final String FULLNAME = "chat-meetmates-signaling";
  static final String CURRENT_KUBE_VERSION = "1.31.0";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<JsonNode> manifests;

  private RenderedChart(List<JsonNode> manifests) {
    this.manifests = manifests;
  }

  static RenderedChart render(Map<String, Object> values) {
    return render(CURRENT_KUBE_VERSION, values);
  }

  static RenderedChart render(String kubeVersion, Map<String, Object> values) {
    return new RenderedChart(parse(template(kubeVersion, values).call()));
  }

  static TemplateCommand template(String kubeVersion, Map<String, Object> values) {
    TemplateCommand command = new Helm(RepoFiles.chart()).template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(kubeVersion);
    values.forEach(command::set);
    return command;
  }

  JsonNode get(String kind, String name) {
    return manifests.stream()
        .filter(m -> kind.equals(m.path("kind").asText()) && name.equals(m.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + summary()));
  }

  boolean has(String kind) {
    return manifests.stream().anyMatch(m -> kind.equals(m.path("kind").asText()));
  }

  JsonNode deployment() {
    return get("Deployment", FULLNAME);
  }

  JsonNode container() {
    return deployment().at("/spec/template/spec/containers/0");
  }

  String env(String name) {
    for (JsonNode variable : container().path("env")) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("container has no env " + name);
  }

  JsonNode envEntry(String name) {
    for (JsonNode variable : container().path("env")) {
      if (name.equals(variable.path("name").asText())) {
        return variable;
      }
    }
    throw new AssertionError("container has no env " + name);
  }

  int containerPort(String portName) {
    for (JsonNode port : container().path("ports")) {
      if (portName.equals(port.path("name").asText())) {
        return port.path("containerPort").asInt();
      }
    }
    throw new AssertionError("container has no port named " + portName);
  }

  private List<String> summary() {
    return manifests.stream()
        .map(m -> m.path("kind").asText() + "/" + m.path("metadata").path("name").asText())
        .toList();
  }

  private static List<JsonNode> parse(String rendered) {
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
      List<JsonNode> manifests = new ArrayList<>();
      for (JsonNode document : documents.readAll()) {
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          manifests.add(document);
        }
      }
      return manifests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
